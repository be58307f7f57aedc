import type { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { encodePartStream, type PartEncoder } from "../encode-part-stream.js";
import { toResponsesErrorEvent } from "./error-body.js";
import { responseObject, statusOf, type ResponseEcho } from "./response-object.js";
import { ResponseOutputBuilder, type ResponseEvent } from "./response-output-builder.js";
import type { ResponsesToolMap } from "./responses-tools.js";

/**
 * Writes typed parts as OpenAI Responses streaming events over SSE (`event:` names the type,
 * `data:` holds the event with its `sequence_number`): `response.created`,
 * `response.in_progress`, the items' events, then `response.completed` or
 * `response.incomplete`. A failure after the stream started is an `error` event followed by
 * `response.failed`. Reading, the record and the ending are `encodePartStream`'s: the events
 * that end items are queued only once the record is written.
 */
export function sseResponsesStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { echo: ResponseEcho; onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void; tools?: ResponsesToolMap },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const builder = new ResponseOutputBuilder(identity.id, options.tools);
  const id = `resp_${identity.id}`;
  let sequence = 0;
  let started = false;

  const frame = (event: ResponseEvent): Uint8Array => encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: sequence++ })}\n\n`);
  const snapshot = (status: "in_progress" | "completed" | "incomplete" | "failed", extra: { incompleteReason?: string; error?: GatewayError } = {}): Record<string, unknown> =>
    responseObject({ id, createdAt: identity.created, model: builder.model ?? identity.fallbackModel, status, output: status === "in_progress" ? [] : builder.output, echo: options.echo, usage: builder.usage, ...extra });
  const start = (): Uint8Array[] => {
    if (started) return [];
    started = true;
    return [frame({ type: "response.created", response: snapshot("in_progress") }), frame({ type: "response.in_progress", response: snapshot("in_progress") })];
  };

  const partEncoder: PartEncoder = {
    frames(part) {
      // The model is known before the first event when the provider names it first.
      const events = builder.push(part);
      return [...start(), ...events.map(frame)];
    },
    finish(part) {
      const frames = builder.close().map(frame);
      const { status, incompleteReason } = statusOf(part.finishReason);
      frames.push(frame({ type: status === "completed" ? "response.completed" : "response.incomplete", response: snapshot(status, { ...(incompleteReason ? { incompleteReason } : {}) }) }));
      return frames;
    },
    failure: (error) => [...start(), frame(toResponsesErrorEvent(error)), frame({ type: "response.failed", response: snapshot("failed", { error }) })],
    outcome: () => ({ model: builder.model, usage: builder.usage }),
  };
  return encodePartStream(parts, partEncoder, options);
}
