import type { FinishReason, Usage } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { anthropicUsage, toAnthropicStopReason } from "./stop-reason.js";

type ContentBlock =
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "redacted_thinking"; data: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: string };

/**
 * Collects a whole answer as one Anthropic Message for a non-stream client: thinking, text and
 * tool_use blocks in the order the model produced them, the stop reason and usage.
 */
export async function collectAnthropicMessage(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
): Promise<{ body: Record<string, unknown>; outcome: ResponseOutcome }> {
  let model: string | undefined;
  const content: ContentBlock[] = [];
  const toolBlocks = new Map<number, Extract<ContentBlock, { type: "tool_use" }>>();
  let finishReason: FinishReason = "stop";
  let usage: Usage | undefined;
  let finished = false;
  for await (const part of parts) {
    switch (part.type) {
      case "response-metadata":
        model = part.modelId;
        break;
      case "text-delta": {
        const last = content.at(-1);
        if (last?.type === "text") last.text += part.delta;
        else if (part.delta !== "") content.push({ type: "text", text: part.delta });
        break;
      }
      case "thinking-delta": {
        const last = content.at(-1);
        // A signature closes a thinking block: text after it starts another.
        if (last?.type === "thinking" && last.signature === "") last.thinking += part.delta;
        else content.push({ type: "thinking", thinking: part.delta, signature: "" });
        break;
      }
      case "thinking-signature": {
        const last = content.at(-1);
        if (last?.type === "thinking" && last.signature === "") last.signature = part.signature;
        else content.push({ type: "thinking", thinking: "", signature: part.signature });
        break;
      }
      case "redacted-thinking":
        content.push({ type: "redacted_thinking", data: part.data });
        break;
      case "tool-call-start": {
        const block = { type: "tool_use" as const, id: part.id, name: part.name, input: "" };
        toolBlocks.set(part.index, block);
        content.push(block);
        break;
      }
      case "tool-call-delta": {
        const block = toolBlocks.get(part.index);
        if (block) block.input += part.argumentsDelta;
        break;
      }
      case "finish":
        finishReason = part.finishReason;
        usage = part.usage;
        finished = true;
        break;
      case "error":
        throw part.error;
    }
  }
  if (!finished) throw new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
  const body = {
    id: identity.id,
    type: "message",
    role: "assistant",
    model: model ?? identity.fallbackModel,
    content: content.map((block) => (block.type === "tool_use" ? { ...block, input: toolInput(block.input) } : block)),
    stop_reason: toAnthropicStopReason(finishReason),
    stop_sequence: null,
    usage: anthropicUsage(usage),
  };
  return { body, outcome: { status: "completed", model, usage, error: undefined } };
}

/** Anthropic clients read tool input as an object; a model that wrote something else failed the call. */
function toolInput(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new GatewayError("upstream_protocol_error", { message: "The model produced tool input that is not a JSON object." });
}
