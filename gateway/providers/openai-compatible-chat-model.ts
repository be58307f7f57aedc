import type { ChatCall } from "../../shared/chat.js";
import type { Egress } from "../pipeline/egress.js";
import type { ChatModel, ChatStreamPart, OutboundDescription, StreamOptions } from "./chat-model.js";
import { toOpenAIChatRequestBody, type MaxTokensParameter } from "./openai-chat-request-body.js";
import { parseOpenAIChatStream } from "./parse-openai-chat-stream.js";
import { streamProviderCall } from "./stream-provider-call.js";

export interface OpenAICompatibleChatModelOptions {
  /** The configured provider's id; the egress gate picks its key and base URL by it. */
  providerId: string;
  /** From local config only, e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  egress: Egress;
  /** Longest silence accepted from the provider: before the headers, and between reads after. */
  timeoutMs: number;
  /**
   * Defaults to `max_tokens`, which every OpenAI-compatible server (vLLM, llama-server,
   * Together) understands; OpenAI's reasoning models accept only `max_completion_tokens`.
   */
  maxTokensParameter?: MaxTokensParameter;
}

/**
 * A `ChatModel` for OpenAI and any server that speaks its chat-completions API. It always
 * streams, sends through the egress gate (never `fetch` itself), and translates the event
 * stream into typed parts.
 */
export function createOpenAICompatibleChatModel(options: OpenAICompatibleChatModelOptions): ChatModel {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const maxTokensParameter = options.maxTokensParameter ?? "max_tokens";

  function describeRequest(call: ChatCall): OutboundDescription {
    return { url, body: toOpenAIChatRequestBody(call, { maxTokensParameter }) };
  }

  async function doStream(call: ChatCall, { signal }: StreamOptions): Promise<ReadableStream<ChatStreamPart>> {
    return streamProviderCall({
      egress: options.egress,
      request: {
        providerId: options.providerId,
        url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify(describeRequest(call).body),
      },
      signal,
      timeoutMs: options.timeoutMs,
      parse: parseOpenAIChatStream,
    });
  }

  return { providerId: options.providerId, doStream, describeRequest };
}
