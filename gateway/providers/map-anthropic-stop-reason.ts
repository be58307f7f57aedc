import type { FinishReason } from "../../shared/chat.js";

/**
 * Anthropic's stop reasons in the chat-completions vocabulary. `pause_turn` (a server tool
 * paused a long turn) ends this answer like any other; the client may continue it. Anything
 * unknown still ends the answer normally: a streamed tool call decides between the two.
 */
export function mapAnthropicStopReason(reason: string | undefined, sawToolCall: boolean): FinishReason {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return sawToolCall ? "tool_calls" : "stop";
  }
}
