import type { ChatCall } from "../../shared/chat.js";
import type { Egress } from "../pipeline/egress.js";
import { toAnthropicRequestBody } from "./anthropic-request-body.js";
import type { ChatModel, ChatStreamPart, OutboundDescription, StreamOptions } from "./chat-model.js";
import { parseAnthropicStream } from "./parse-anthropic-stream.js";
import { streamProviderCall } from "./stream-provider-call.js";

/** The Messages API version the request and event shapes here follow. */
export const anthropicVersion = "2023-06-01";

export interface AnthropicChatModelOptions {
  /** The configured provider's id; the egress gate picks its key and base URL by it. */
  providerId: string;
  /** From local config only, e.g. `https://api.anthropic.com/v1`; `/messages` is appended. */
  baseUrl: string;
  egress: Egress;
  /** Longest silence accepted from the provider: before the headers, and between reads after. */
  timeoutMs: number;
  /** `max_tokens` when the client set none (Anthropic requires one). */
  defaultMaxTokens?: number;
}

/**
 * A `ChatModel` for Anthropic's Messages API. It always streams, sends through the egress gate
 * (which adds the key as `x-api-key`), and translates the event stream into typed parts.
 */
export function createAnthropicChatModel(options: AnthropicChatModelOptions): ChatModel {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/messages`;

  function describeRequest(call: ChatCall): OutboundDescription {
    return { url, body: toAnthropicRequestBody(call, options.defaultMaxTokens === undefined ? {} : { defaultMaxTokens: options.defaultMaxTokens }) };
  }

  async function doStream(call: ChatCall, { signal }: StreamOptions): Promise<ReadableStream<ChatStreamPart>> {
    const { body } = describeRequest(call);
    return streamProviderCall({
      egress: options.egress,
      request: {
        providerId: options.providerId,
        url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", "anthropic-version": anthropicVersion },
        credentialHeader: "x-api-key",
        body: JSON.stringify(body),
      },
      signal,
      timeoutMs: options.timeoutMs,
      // Thinking parts only for a call that asked for thinking: only such a client can take them.
      parse: (stream) => parseAnthropicStream(stream, { passThinking: call.thinking !== undefined && call.thinking.type !== "disabled" }),
    });
  }

  return { providerId: options.providerId, doStream, describeRequest };
}
