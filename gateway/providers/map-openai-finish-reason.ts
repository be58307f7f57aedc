import type { FinishReason } from "../../shared/chat.js";

/**
 * OpenAI's finish reasons, and the ones compatible servers are known to send instead. Anything
 * else still ends the answer normally: a tool call that was streamed decides between the two.
 */
export function mapOpenAIFinishReason(reason: string | undefined, sawToolCall: boolean): FinishReason {
  switch (reason) {
    case "stop":
    case "length":
    case "tool_calls":
    case "content_filter":
      return reason;
    case "function_call":
      return "tool_calls";
    default:
      return sawToolCall ? "tool_calls" : "stop";
  }
}
