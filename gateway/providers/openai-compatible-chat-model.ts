import type { ChatCall } from "../../shared/chat.js";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { Egress } from "../pipeline/egress.js";
import type { ChatModel, ChatStreamPart, StreamOptions } from "./chat-model.js";
import { guardPartStream } from "./guard-part-stream.js";
import { toOpenAIChatRequestBody, type MaxTokensParameter } from "./openai-chat-request-body.js";
import { parseOpenAIChatStream } from "./parse-openai-chat-stream.js";
import { readResponsePrefix } from "./read-response-prefix.js";
import { describeUpstreamStatus, providerErrorMessage } from "./upstream-error-message.js";
import { UpstreamAttempt } from "./upstream-attempt.js";

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

  async function doStream(call: ChatCall, { signal }: StreamOptions): Promise<ReadableStream<ChatStreamPart>> {
    const body = JSON.stringify(toOpenAIChatRequestBody(call, { maxTokensParameter }));
    const attempt = new UpstreamAttempt(signal, options.timeoutMs);
    // Nothing is sent for a request the caller has already given up on.
    if (attempt.abortReason !== undefined) {
      attempt.dispose();
      throw attempt.abortReason;
    }

    attempt.arm();
    let response: Response;
    try {
      response = await attempt.race(
        options.egress.send({
          providerId: options.providerId,
          url,
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body,
          signal: attempt.signal,
        }),
        (late) => void late.body?.cancel().catch(() => undefined),
      );
    } catch (error) {
      attempt.dispose();
      throw attempt.abortReason ?? describeSendFailure(error);
    }

    if (!response.ok) {
      const text = await readResponsePrefix(response, attempt);
      attempt.dispose();
      throw (
        attempt.abortReason ??
        new GatewayError("upstream_error", {
          upstreamStatus: response.status,
          message: describeUpstreamStatus(response.status, text),
          isRetryable: isRetryableStatus(response.status),
        })
      );
    }
    if (response.body === null || isJson(response)) {
      const text = await readResponsePrefix(response, attempt);
      attempt.dispose();
      throw attempt.abortReason ?? describeUnstreamedAnswer(response.status, text);
    }
    attempt.disarm();
    return guardPartStream(parseOpenAIChatStream(response.body.pipeThrough(attempt.activityTap())), attempt);
  }

  return { providerId: options.providerId, doStream };
}

function describeSendFailure(error: unknown): GatewayError {
  // The gate's own refusals (a finding in the outbound bytes, a URL outside the config) stand as they are.
  if (isGatewayError(error)) return error;
  const reason = networkErrorCode(error);
  return new GatewayError("upstream_unreachable", {
    message: reason === undefined ? "The provider could not be reached." : `The provider could not be reached (${reason}).`,
    isRetryable: true,
    cause: error,
  });
}

/** `fetch` reports `fetch failed` and puts the system error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function networkErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function isJson(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").toLowerCase().includes("application/json");
}

/** Some servers ignore `stream: true`, and some report errors as JSON with a success status. */
function describeUnstreamedAnswer(status: number, text: string): GatewayError {
  if (providerErrorMessage(text) !== undefined) {
    return new GatewayError("upstream_error", { upstreamStatus: status, message: describeUpstreamStatus(status, text) });
  }
  return new GatewayError("upstream_protocol_error", {
    upstreamStatus: status,
    message: "The provider answered without an event stream although one was requested.",
  });
}
