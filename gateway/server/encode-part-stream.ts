import type { Usage } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import type { ResponseOutcome } from "./chat-response.js";

type FinishPart = Extract<ChatStreamPart, { type: "finish" }>;

/** What one wire format does with each part; `encodePartStream` owns the reading and the ending. */
export interface PartEncoder {
  /** Frames for a part; may be none. Called for `finish` too, before the end is recorded. */
  frames(part: Exclude<ChatStreamPart, { type: "error" }>): Uint8Array[];
  /** The frames that end a completed answer, queued once its record is written. */
  finish(part: FinishPart): Uint8Array[];
  /** The frames that end a failed answer. */
  failure(error: GatewayError): Uint8Array[];
  /** The model and usage known so far, for the record. */
  outcome(): { model: string | undefined; usage: Usage | undefined };
}

/**
 * Writes typed parts through a wire format's encoder, the same way for every edge. A failure
 * after the stream started is sent as the format's error frames (the status line is already
 * gone), then the stream ends. If the client goes away, `onCancel` aborts the upstream work.
 *
 * `onEnd` runs before the frames that end a completed answer are queued: it writes the audit
 * record, so a client that saw the end of an answer can count on its record, even if the gateway
 * is killed a moment later. When `onEnd` throws (the record cannot be written), the answer ends
 * with that error instead.
 */
export function encodePartStream(
  parts: ReadableStream<ChatStreamPart>,
  encoder: PartEncoder,
  options: { onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const reader = parts.getReader();
  let ended = false;
  /** Records the end; returns the error to send instead when the record cannot be written. */
  const end = (outcome: Omit<ResponseOutcome, "model" | "usage">): GatewayError | undefined => {
    if (ended) return undefined;
    ended = true;
    try {
      options.onEnd({ ...outcome, ...encoder.outcome() });
      return undefined;
    } catch (error) {
      return asGatewayError(error);
    }
  };
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, frames: Uint8Array[]): void => {
    for (const frame of frames) controller.enqueue(frame);
  };
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: GatewayError): void => {
    send(controller, encoder.failure(end({ status: "failed", error }) ?? error));
    controller.close();
  };

  /** Reads parts until one produces a frame: a pull that enqueues nothing is never called again. */
  async function readUntilFrame(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) {
        // A provider stream that ends without a finish part was cut short.
        return fail(controller, new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." }));
      }
      if (part.type === "error") {
        fail(controller, part.error);
        await reader.cancel().catch(() => {});
        return;
      }
      const frames = encoder.frames(part);
      send(controller, frames);
      if (part.type === "finish") {
        const failure = end({ status: "completed", error: undefined });
        send(controller, failure ? encoder.failure(failure) : encoder.finish(part));
        controller.close();
        await reader.cancel().catch(() => {});
        return;
      }
      if (frames.length > 0) return;
    }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await readUntilFrame(controller);
      } catch (error) {
        try {
          fail(controller, asGatewayError(error));
        } catch {
          // The client is already gone.
        }
      }
    },
    async cancel() {
      options.onCancel();
      await reader.cancel().catch(() => {});
      end({ status: "aborted", error: new GatewayError("request_aborted") });
    },
  });
}

function asGatewayError(error: unknown): GatewayError {
  return error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
}
