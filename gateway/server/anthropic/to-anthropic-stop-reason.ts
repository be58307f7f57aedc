import type { FinishReason } from "../../../shared/chat.js";

/** The chat finish reason in Anthropic's words. */
export function toAnthropicStopReason(reason: FinishReason): "end_turn" | "max_tokens" | "tool_use" | "refusal" {
  switch (reason) {
    case "stop":
      return "end_turn";
    case "length":
      return "max_tokens";
    case "tool_calls":
      return "tool_use";
    case "content_filter":
      return "refusal";
  }
}
