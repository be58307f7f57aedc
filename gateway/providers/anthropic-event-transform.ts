import type { Usage } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import {
  anthropicBlockDeltaSchema,
  anthropicBlockStartSchema,
  anthropicBlockStopSchema,
  anthropicMessageDeltaSchema,
  anthropicMessageStartSchema,
  type AnthropicUsage,
} from "./anthropic-event-schema.js";
import type { ChatStreamPart } from "./chat-model.js";
import { mapAnthropicStopReason } from "./map-anthropic-stop-reason.js";
import type { EventSourceMessage } from "./sse-event-stream.js";
import { providerErrorMessage } from "./upstream-error-message.js";

interface ToolBlock {
  /** The tool call's number in the answer (0, 1, …), not the content block's index. */
  callIndex: number;
  sawInput: boolean;
}

/**
 * Translates the events of an Anthropic Messages stream into typed parts: `message_start`
 * names the model, `text_delta` is text, a `tool_use` block is a tool call whose
 * `input_json_delta` fragments are its arguments (passed on as they come, never reassembled, so
 * a placeholder split across fragments is the restore step's job), `message_delta` carries the
 * stop reason and usage, and `message_stop` ends the answer. Thinking (`thinking_delta`, its
 * `signature_delta`, redacted blocks) is passed on only when the call asked for it: no other
 * client could take it. `ping` and unknown events are skipped. After a terminal part every
 * further event is ignored.
 */
export function createAnthropicEventTransform(options: { passThinking?: boolean } = {}): TransformStream<EventSourceMessage, ChatStreamPart> {
  const passThinking = options.passThinking === true;
  const toolBlocks = new Map<number, ToolBlock>();
  let stopReason: string | undefined;
  let usage: AnthropicUsage = {};
  let started = false;
  let ended = false;

  const finishPart = (): ChatStreamPart => ({
    type: "finish",
    finishReason: mapAnthropicStopReason(stopReason, toolBlocks.size > 0),
    usage: started ? toUsage(usage) : undefined,
  });

  function accept(value: unknown, emit: (part: ChatStreamPart) => void, end: (part: ChatStreamPart) => void): void {
    const type = (value as { type?: unknown }).type;
    switch (type) {
      case "message_start": {
        const parsed = anthropicMessageStartSchema.safeParse(value);
        if (!parsed.success) return end(protocolError("The provider sent a message_start event in an unexpected shape."));
        started = true;
        usage = { ...usage, ...withoutNull(parsed.data.message.usage) };
        if (parsed.data.message.model) emit({ type: "response-metadata", modelId: parsed.data.message.model });
        return;
      }
      case "content_block_start": {
        const parsed = anthropicBlockStartSchema.safeParse(value);
        if (!parsed.success) return end(protocolError("The provider sent a content_block_start event in an unexpected shape."));
        const { index, content_block: block } = parsed.data;
        if (block.type === "text") {
          if (block.text) emit({ type: "text-delta", delta: block.text });
        } else if (block.type === "thinking" && passThinking) {
          if (block.thinking) emit({ type: "thinking-delta", delta: block.thinking });
        } else if (block.type === "redacted_thinking" && passThinking) {
          if (block.data) emit({ type: "redacted-thinking", data: block.data });
        } else if (block.type === "tool_use") {
          if (!block.id || !block.name) return end(protocolError("The provider sent a tool call without an id or a name."));
          const tool: ToolBlock = { callIndex: toolBlocks.size, sawInput: false };
          toolBlocks.set(index, tool);
          emit({ type: "tool-call-start", index: tool.callIndex, id: block.id, name: block.name });
          // Streams start tool_use with `input: {}` and send the input as deltas; a whole input here is rare.
          if (isNonEmptyObject(block.input)) {
            tool.sawInput = true;
            emit({ type: "tool-call-delta", index: tool.callIndex, argumentsDelta: JSON.stringify(block.input) });
          }
        }
        return;
      }
      case "content_block_delta": {
        const parsed = anthropicBlockDeltaSchema.safeParse(value);
        if (!parsed.success) return end(protocolError("The provider sent a content_block_delta event in an unexpected shape."));
        const { index, delta } = parsed.data;
        if (delta.type === "text_delta" && delta.text) emit({ type: "text-delta", delta: delta.text });
        else if (delta.type === "thinking_delta" && passThinking && delta.thinking) emit({ type: "thinking-delta", delta: delta.thinking });
        else if (delta.type === "signature_delta" && passThinking && delta.signature) emit({ type: "thinking-signature", signature: delta.signature });
        else if (delta.type === "input_json_delta" && delta.partial_json) {
          const tool = toolBlocks.get(index);
          if (tool === undefined) return end(protocolError("The provider sent tool input for a block that is not a tool call."));
          tool.sawInput = true;
          emit({ type: "tool-call-delta", index: tool.callIndex, argumentsDelta: delta.partial_json });
        }
        return;
      }
      case "content_block_stop": {
        const parsed = anthropicBlockStopSchema.safeParse(value);
        if (!parsed.success) return end(protocolError("The provider sent a content_block_stop event in an unexpected shape."));
        const tool = toolBlocks.get(parsed.data.index);
        // A tool without parameters streams no input at all; its arguments are still a JSON object.
        if (tool !== undefined && !tool.sawInput) {
          tool.sawInput = true;
          emit({ type: "tool-call-delta", index: tool.callIndex, argumentsDelta: "{}" });
        }
        return;
      }
      case "message_delta": {
        const parsed = anthropicMessageDeltaSchema.safeParse(value);
        if (!parsed.success) return end(protocolError("The provider sent a message_delta event in an unexpected shape."));
        if (parsed.data.delta?.stop_reason) stopReason = parsed.data.delta.stop_reason;
        // Usage counts in message_delta are running totals: they replace, never add.
        usage = { ...usage, ...withoutNull(parsed.data.usage) };
        return;
      }
      case "message_stop":
        return end(finishPart());
      case "error":
        return end(streamError(value));
      default:
        // `ping`, and event types added after this was written.
        return;
    }
  }

  return new TransformStream<EventSourceMessage, ChatStreamPart>({
    transform(event, controller) {
      if (ended) return;
      const data = event.data.trim();
      if (data === "") return;
      const end = (part: ChatStreamPart): void => {
        ended = true;
        controller.enqueue(part);
      };
      const value = parseJson(data);
      if (value === undefined || typeof value !== "object" || value === null) {
        return end(event.event === "error" ? streamError(undefined) : protocolError("The provider sent a stream event that is not a JSON object."));
      }
      accept(event.event === "error" ? { ...value, type: "error" } : value, (part) => controller.enqueue(part), end);
    },
    flush(controller) {
      if (ended) return;
      // A stop reason proves the answer was complete even if `message_stop` was lost.
      if (stopReason !== undefined) controller.enqueue(finishPart());
      else controller.enqueue(protocolError("The provider cut the stream off before the answer was complete."));
    },
  });
}

function withoutNull(usage: AnthropicUsage | null | undefined): AnthropicUsage {
  if (!usage) return {};
  return Object.fromEntries(Object.entries(usage).filter(([, count]) => typeof count === "number")) as AnthropicUsage;
}

/** Cache writes and reads are input too: the prompt the model read, however it was billed. */
function toUsage(usage: AnthropicUsage): Usage {
  const input = (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  return { promptTokens: input, completionTokens: usage.output_tokens ?? 0 };
}

function isNonEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function protocolError(message: string): ChatStreamPart {
  return { type: "error", error: new GatewayError("upstream_protocol_error", { message }) };
}

/** `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`, mid-stream. */
function streamError(value: unknown): ChatStreamPart {
  const fromProvider = value === undefined ? undefined : providerErrorMessage(JSON.stringify(value));
  const base = "The provider reported an error in the middle of its answer.";
  const message = fromProvider === undefined ? base : `${base} It said: ${fromProvider}`;
  return { type: "error", error: new GatewayError("upstream_error", { message }) };
}
