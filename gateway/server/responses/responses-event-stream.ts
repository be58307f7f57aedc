import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { responseObject, statusOf, type ResponseEcho } from "./response-object.js";
import { ResponseOutputBuilder, type ResponseEvent } from "./response-output-builder.js";

/**
 * Writes typed parts as OpenAI Responses streaming events over SSE (`event:` names the type,
 * `data:` holds the event with its `sequence_number`): `response.created`,
 * `response.in_progress`, the items' events, then `response.completed` or
 * `response.incomplete`. A failure after the stream started is an `error` event followed by
 * `response.failed` (the status line is already gone), then the stream ends.
 *
 * `onEnd` runs before any event that ends an item is queued: it writes the audit record, so a
 * client that saw the end of an answer can count on its record. When it throws (the record
 * cannot be written), the answer ends with that error instead.
 */
export function sseResponsesStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { echo: ResponseEcho; onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = parts.getReader();
  const builder = new ResponseOutputBuilder(identity.id);
  const id = `resp_${identity.id}`;
  let sequence = 0;
  let started = false;
  let ended = false;

  const frame = (event: ResponseEvent): Uint8Array => encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: sequence++ })}\n\n`);
  const snapshot = (status: "in_progress" | "completed" | "incomplete" | "failed", extra: { incompleteReason?: string; error?: GatewayError } = {}): Record<string, unknown> =>
    responseObject({ id, createdAt: identity.created, model: builder.model ?? identity.fallbackModel, status, output: status === "in_progress" ? [] : builder.output, echo: options.echo, usage: builder.usage, ...extra });
  const start = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    if (started) return;
    started = true;
    controller.enqueue(frame({ type: "response.created", response: snapshot("in_progress") }));
    controller.enqueue(frame({ type: "response.in_progress", response: snapshot("in_progress") }));
  };
  /** Records the end; returns the error to send instead when the record cannot be written. */
  const end = (outcome: Omit<ResponseOutcome, "model" | "usage">): GatewayError | undefined => {
    if (ended) return undefined;
    ended = true;
    try {
      options.onEnd({ ...outcome, model: builder.model, usage: builder.usage });
      return undefined;
    } catch (error) {
      return error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
    }
  };
  const failWith = (controller: ReadableStreamDefaultController<Uint8Array>, error: GatewayError): void => {
    start(controller);
    controller.enqueue(frame({ type: "error", code: error.code, message: error.message, param: error.param }));
    controller.enqueue(frame({ type: "response.failed", response: snapshot("failed", { error }) }));
    controller.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value: part } = await reader.read();
        if (done) {
          // A provider stream that ends without a finish part was cut short.
          const error = new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
          failWith(controller, end({ status: "failed", error }) ?? error);
          return;
        }
        if (part.type === "error") {
          failWith(controller, end({ status: "failed", error: part.error }) ?? part.error);
          await reader.cancel().catch(() => {});
          return;
        }
        // The model is known before the first event when the provider names it first.
        const events = builder.push(part);
        start(controller);
        if (part.type !== "finish") {
          for (const event of events) controller.enqueue(frame(event));
          return;
        }
        const failure = end({ status: "completed", error: undefined });
        if (failure) {
          failWith(controller, failure);
          await reader.cancel().catch(() => {});
          return;
        }
        for (const event of builder.close()) controller.enqueue(frame(event));
        const { status, incompleteReason } = statusOf(part.finishReason);
        controller.enqueue(frame({ type: status === "completed" ? "response.completed" : "response.incomplete", response: snapshot(status, { ...(incompleteReason ? { incompleteReason } : {}) }) }));
        controller.close();
        await reader.cancel().catch(() => {});
      } catch (error) {
        const gatewayError = error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
        const failure = end({ status: "failed", error: gatewayError });
        try {
          failWith(controller, failure ?? gatewayError);
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
