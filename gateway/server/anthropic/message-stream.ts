import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { encodePartStream, type PartEncoder } from "../encode-part-stream.js";
import { AnthropicContentBuilder } from "./anthropic-content-builder.js";
import { anthropicUsage } from "./anthropic-usage.js";
import { toAnthropicErrorBody } from "./error-body.js";
import { toAnthropicStopReason } from "./to-anthropic-stop-reason.js";

/**
 * Writes typed parts as Anthropic's Messages event stream: `message_start`, one
 * `content_block_start` / `content_block_delta`… / `content_block_stop` per thinking, text or
 * tool_use block (built by `AnthropicContentBuilder`, as the non-stream answer is),
 * `message_delta` with the stop reason and usage, `message_stop`. A failure after the stream
 * started is an `error` event, then the end. Reading, the record and the ending are
 * `encodePartStream`'s: `message_delta` and `message_stop` are queued only once the record is
 * written.
 */
export function anthropicMessageStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const builder = new AnthropicContentBuilder();
  let started = false;
  const frame = (event: string, data: Record<string, unknown>): Uint8Array => encoder.encode(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  const start = (): Uint8Array[] => {
    if (started) return [];
    started = true;
    return [
      frame("message_start", {
        message: {
          id: identity.id,
          type: "message",
          role: "assistant",
          model: builder.model ?? identity.fallbackModel,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          // The input count is known only at the end; message_delta carries it.
          usage: anthropicUsage(undefined),
        },
      }),
    ];
  };

  const partEncoder: PartEncoder = {
    frames(part) {
      // The model is known before message_start when the provider names it first.
      const events = builder.push(part);
      return [...start(), ...events.map((event) => frame(event.type, event))];
    },
    finish(part) {
      return [
        frame("message_delta", { delta: { stop_reason: toAnthropicStopReason(part.finishReason), stop_sequence: null }, usage: anthropicUsage(builder.usage) }),
        frame("message_stop", {}),
      ];
    },
    failure: (error) => [...start(), encoder.encode(`event: error\ndata: ${JSON.stringify(toAnthropicErrorBody(error))}\n\n`)],
    outcome: () => ({ model: builder.model, usage: builder.usage }),
  };
  return encodePartStream(parts, partEncoder, options);
}
