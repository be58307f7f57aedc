import { ParseError } from "eventsource-parser/stream";
import { GatewayError } from "../../shared/errors.js";
import type { ChatStreamPart } from "./chat-model.js";
import type { UpstreamAttempt } from "./upstream-attempt.js";

/** Longest time spent reading what follows `[DONE]`, so the connection can be reused. */
const drainLimitMs = 2_000;

/**
 * The stream a caller of `doStream` reads. It pulls one part at a time (so the idle timer only
 * runs while someone waits), ends after the first terminal part, turns a failure of the
 * upstream body into an `error` part (errors travel in the stream, never as a thrown read), and
 * aborts the provider request when the reader cancels.
 */
export function guardPartStream(parts: ReadableStream<ChatStreamPart>, attempt: UpstreamAttempt): ReadableStream<ChatStreamPart> {
  const reader = parts.getReader();
  let over = false;
  const release = (): void => {
    attempt.dispose();
    void reader.cancel().catch(() => undefined);
  };
  const end = (controller: ReadableStreamDefaultController<ChatStreamPart>, after: "release" | "drain"): void => {
    over = true;
    controller.close();
    if (after === "drain") void drainThenRelease(reader, attempt);
    else release();
  };

  return new ReadableStream<ChatStreamPart>(
    {
      async pull(controller) {
        if (over) return;
        attempt.arm();
        let result: Awaited<ReturnType<typeof reader.read>>;
        try {
          result = await attempt.race(reader.read());
        } catch (error) {
          attempt.disarm();
          controller.enqueue({ type: "error", error: attempt.abortReason ?? describeBodyFailure(error) });
          return end(controller, "release");
        }
        attempt.disarm();
        if (result.done) return end(controller, "release");
        controller.enqueue(result.value);
        if (result.value.type === "finish") end(controller, "drain");
        else if (result.value.type === "error") end(controller, "release");
      },
      cancel() {
        over = true;
        attempt.abort(new GatewayError("request_aborted"));
        release();
      },
    },
    // Nothing is read ahead of the consumer: see the idle timer.
    { highWaterMark: 0 },
  );
}

/**
 * After `[DONE]` a provider usually still owes the end of its chunked body. Reading it lets
 * fetch keep the connection (and its TLS session) for the next request; cancelling would close
 * it. A provider that keeps sending is cut off after a short while.
 */
async function drainThenRelease(reader: ReadableStreamDefaultReader<ChatStreamPart>, attempt: UpstreamAttempt): Promise<void> {
  const deadline = setTimeout(() => void reader.cancel().catch(() => undefined), drainLimitMs);
  try {
    while (!(await attempt.race(reader.read())).done) {
      // Parts after the terminal one are dropped by the chunk transform; nothing arrives here.
    }
  } catch {
    // Aborted or broken after the answer was complete: nothing is lost.
  } finally {
    clearTimeout(deadline);
    attempt.dispose();
    void reader.cancel().catch(() => undefined);
  }
}

function describeBodyFailure(error: unknown): GatewayError {
  if (error instanceof ParseError && error.type === "max-buffer-size-exceeded") {
    return new GatewayError("upstream_protocol_error", {
      message: "The provider sent a stream event larger than the gateway accepts.",
      cause: error,
    });
  }
  return new GatewayError("upstream_protocol_error", {
    message: "The provider cut the stream off before the answer was complete.",
    cause: error,
  });
}
