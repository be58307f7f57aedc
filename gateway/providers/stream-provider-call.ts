import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { Egress, OutboundRequest } from "../pipeline/egress.js";
import type { ChatStreamPart } from "./chat-model.js";
import { guardPartStream } from "./guard-part-stream.js";
import { readResponsePrefix } from "./read-response-prefix.js";
import { describeUpstreamStatus, providerErrorMessage } from "./upstream-error-message.js";
import { UpstreamAttempt } from "./upstream-attempt.js";

export interface ProviderStreamCall {
  egress: Egress;
  request: Omit<OutboundRequest, "signal">;
  /** The caller's signal: the client went away, or the request is over. */
  signal: AbortSignal;
  /** Longest silence accepted from the provider: before the headers, and between reads after. */
  timeoutMs: number;
  /** The provider's event-stream bytes as typed parts; a failure of the body errors the stream. */
  parse: (body: ReadableStream<Uint8Array>) => ReadableStream<ChatStreamPart>;
}

/**
 * The part every streaming adapter shares: send through the egress gate (never `fetch`
 * itself), under an idle timer and the caller's abort, turn a refusal or a body that is not an
 * event stream into a GatewayError with the provider's own words, and hand the event stream to
 * the adapter's parser, guarded so that failures arrive as `error` parts.
 */
export async function streamProviderCall(call: ProviderStreamCall): Promise<ReadableStream<ChatStreamPart>> {
  const attempt = new UpstreamAttempt(call.signal, call.timeoutMs);
  // Nothing is sent for a request the caller has already given up on.
  if (attempt.abortReason !== undefined) {
    attempt.dispose();
    throw attempt.abortReason;
  }

  attempt.arm();
  let response: Response;
  try {
    response = await attempt.race(
      call.egress.send({ ...call.request, signal: attempt.signal }),
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
  return guardPartStream(call.parse(response.body.pipeThrough(attempt.activityTap())), attempt);
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

/** Anthropic's 529 (overloaded) is a 5xx too. */
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
