import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { AnthropicContentBuilder } from "./anthropic-content-builder.js";
import { anthropicUsage } from "./anthropic-usage.js";
import { toAnthropicStopReason } from "./to-anthropic-stop-reason.js";

/**
 * Collects a whole answer as one Anthropic Message for a non-stream client: the blocks the
 * stream would have sent (`AnthropicContentBuilder`), the stop reason and usage.
 */
export async function collectAnthropicMessage(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
): Promise<{ body: Record<string, unknown>; outcome: ResponseOutcome }> {
  const builder = new AnthropicContentBuilder();
  for await (const part of parts) {
    if (part.type === "error") throw part.error;
    builder.push(part);
  }
  // As on the stream path: an answer that ends without a finish was cut short.
  if (builder.finishReason === undefined) throw new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
  const body = {
    id: identity.id,
    type: "message",
    role: "assistant",
    model: builder.model ?? identity.fallbackModel,
    content: builder.content.map((block) => (block.type === "tool_use" ? { ...block, input: toolInput(block.input) } : block)),
    stop_reason: toAnthropicStopReason(builder.finishReason),
    stop_sequence: null,
    usage: anthropicUsage(builder.usage),
  };
  return { body, outcome: { status: "completed", model: builder.model, usage: builder.usage, error: undefined } };
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
