import type { Usage } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { toAnthropicErrorBody } from "./error-body.js";
import { anthropicUsage, toAnthropicStopReason } from "./stop-reason.js";

interface OpenBlock {
  index: number;
  kind: "text" | "tool_use" | "thinking" | "redacted_thinking";
}

/**
 * Writes typed parts as Anthropic's Messages event stream: `message_start`, one
 * `content_block_start` / `content_block_delta`… / `content_block_stop` per thinking, text or
 * tool_use block (thinking as `thinking_delta` then `signature_delta`, tool input as
 * `input_json_delta`), `message_delta` with the stop reason and usage,
 * `message_stop`. A failure after the stream started is an `error` event, then the end.
 *
 * `onEnd` runs before `message_delta` and `message_stop` are queued: it writes the audit record,
 * so a client that saw the end of an answer can count on its record. When it throws (the record
 * cannot be written), the answer ends with that error instead.
 */
export function anthropicMessageStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = parts.getReader();
  const frame = (event: string, data: Record<string, unknown>): Uint8Array => encoder.encode(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  const errorFrame = (error: GatewayError): Uint8Array => encoder.encode(`event: error\ndata: ${JSON.stringify(toAnthropicErrorBody(error))}\n\n`);
  let model: string | undefined;
  let usage: Usage | undefined;
  let started = false;
  let ended = false;
  let open: OpenBlock | undefined;
  let nextIndex = 0;
  const toolBlocks = new Map<number, number>();

  /** Records the end; returns the error to send instead when the record cannot be written. */
  const end = (outcome: Omit<ResponseOutcome, "model" | "usage">): GatewayError | undefined => {
    if (ended) return undefined;
    ended = true;
    try {
      options.onEnd({ ...outcome, model, usage });
      return undefined;
    } catch (error) {
      return error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
    }
  };
  const start = (frames: Uint8Array[]): void => {
    if (started) return;
    started = true;
    frames.push(
      frame("message_start", {
        message: {
          id: identity.id,
          type: "message",
          role: "assistant",
          model: model ?? identity.fallbackModel,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          // The input count is known only at the end; message_delta carries it.
          usage: anthropicUsage(undefined),
        },
      }),
    );
  };
  const closeOpen = (frames: Uint8Array[]): void => {
    if (open === undefined) return;
    frames.push(frame("content_block_stop", { index: open.index }));
    open = undefined;
  };
  const openBlock = (frames: Uint8Array[], kind: OpenBlock["kind"], contentBlock: Record<string, unknown>): number => {
    closeOpen(frames);
    const index = nextIndex++;
    open = { index, kind };
    frames.push(frame("content_block_start", { index, content_block: contentBlock }));
    return index;
  };
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: GatewayError): void => {
    const failure = end({ status: "failed", error });
    const frames: Uint8Array[] = [];
    start(frames);
    for (const item of frames) controller.enqueue(item);
    controller.enqueue(errorFrame(failure ?? error));
    controller.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull that enqueues nothing would never be called again: read on until there is a frame.
        for (;;) {
          const { done, value: part } = await reader.read();
          if (done) return fail(controller, new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." }));
          const frames: Uint8Array[] = [];
          switch (part.type) {
            case "response-metadata":
              model ??= part.modelId;
              start(frames);
              break;
            case "text-delta":
              start(frames);
              if (part.delta === "") break;
              if (open?.kind !== "text") openBlock(frames, "text", { type: "text", text: "" });
              frames.push(frame("content_block_delta", { index: open?.index, delta: { type: "text_delta", text: part.delta } }));
              break;
            case "thinking-delta":
              start(frames);
              if (part.delta === "") break;
              if (open?.kind !== "thinking") openBlock(frames, "thinking", { type: "thinking", thinking: "", signature: "" });
              frames.push(frame("content_block_delta", { index: open?.index, delta: { type: "thinking_delta", thinking: part.delta } }));
              break;
            case "thinking-signature":
              start(frames);
              if (open?.kind !== "thinking") openBlock(frames, "thinking", { type: "thinking", thinking: "", signature: "" });
              frames.push(frame("content_block_delta", { index: open?.index, delta: { type: "signature_delta", signature: part.signature } }));
              // The signature ends its thinking block.
              closeOpen(frames);
              break;
            case "redacted-thinking":
              start(frames);
              openBlock(frames, "redacted_thinking", { type: "redacted_thinking", data: part.data });
              closeOpen(frames);
              break;
            case "tool-call-start":
              start(frames);
              toolBlocks.set(part.index, openBlock(frames, "tool_use", { type: "tool_use", id: part.id, name: part.name, input: {} }));
              break;
            case "tool-call-delta": {
              const index = toolBlocks.get(part.index);
              if (index !== undefined && part.argumentsDelta !== "") {
                frames.push(frame("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: part.argumentsDelta } }));
              }
              break;
            }
            case "finish": {
              usage = part.usage;
              start(frames);
              closeOpen(frames);
              for (const item of frames) controller.enqueue(item);
              const failure = end({ status: "completed", error: undefined });
              if (failure) controller.enqueue(errorFrame(failure));
              else {
                controller.enqueue(frame("message_delta", { delta: { stop_reason: toAnthropicStopReason(part.finishReason), stop_sequence: null }, usage: anthropicUsage(usage) }));
                controller.enqueue(frame("message_stop", {}));
              }
              controller.close();
              await reader.cancel().catch(() => {});
              return;
            }
            case "error":
              fail(controller, part.error);
              await reader.cancel().catch(() => {});
              return;
          }
          for (const item of frames) controller.enqueue(item);
          if (frames.length > 0) return;
        }
      } catch (error) {
        try {
          fail(controller, error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error }));
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
