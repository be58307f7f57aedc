import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelResponse } from "node-llama-cpp";
import type { ChatMessage, ToolCall } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";

/**
 * Turns the OpenAI message list into node-llama-cpp's chat history, keeping every turn:
 * system and developer messages become system items; an assistant turn with tool calls, the
 * tool results that answer them and the assistant text that follows form one model response,
 * which is how node-llama-cpp renders a call, its result and the continuation.
 *
 * The history ends with an open model response: empty for a fresh answer, or the pending turn
 * itself when the last messages are tool results the model should now continue from.
 */
export function toLlamaChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  /** The model response that tool results and a following assistant message still belong to. */
  let openResponse: ChatModelResponse | undefined;
  let pendingCalls = new Map<string, ChatModelFunctionCall>();

  const closeTurn = (index: number): void => {
    const unanswered = [...pendingCalls.keys()];
    if (unanswered.length > 0) {
      throw new GatewayError("invalid_request", {
        message: `The assistant message before messages[${index}] calls tools (${unanswered.join(", ")}) that no tool message answers.`,
        param: "messages",
      });
    }
    openResponse = undefined;
  };

  messages.forEach((message, index) => {
    switch (message.role) {
      case "system":
      case "developer":
        closeTurn(index);
        history.push({ type: "system", text: textOf(message, index) });
        return;
      case "user":
        closeTurn(index);
        history.push({ type: "user", text: textOf(message, index) });
        return;
      case "assistant": {
        if (pendingCalls.size > 0) closeTurn(index);
        const text = message.content === null ? "" : textOf(message, index);
        // An assistant message right after tool results continues the same turn.
        const response: ChatModelResponse = openResponse ?? { type: "model", response: [] };
        if (openResponse === undefined) history.push(response);
        if (text !== "") response.response.push(text);
        pendingCalls = new Map();
        for (const toolCall of message.toolCalls ?? []) {
          const call = toFunctionCall(toolCall);
          response.response.push(call);
          pendingCalls.set(toolCall.id, call);
        }
        openResponse = pendingCalls.size > 0 ? response : undefined;
        return;
      }
      case "tool": {
        const call = message.toolCallId === undefined ? undefined : pendingCalls.get(message.toolCallId);
        if (call === undefined) {
          throw new GatewayError("invalid_request", {
            message: `messages[${index}] is a tool result, but no earlier assistant message has a tool call with id ${JSON.stringify(message.toolCallId ?? null)}.`,
            param: `messages[${index}].tool_call_id`,
          });
        }
        call.result = parseJsonOrText(textOf(message, index));
        pendingCalls.delete(message.toolCallId ?? "");
        return;
      }
    }
  });

  if (pendingCalls.size > 0) closeTurn(messages.length);
  const last = history.at(-1);
  // After tool results the model continues its own turn; otherwise it starts a new one.
  const continuesTurn = last?.type === "model" && openResponse === last;
  if (!continuesTurn) history.push({ type: "model", response: [] });
  return history;
}

function toFunctionCall(toolCall: ToolCall): ChatModelFunctionCall {
  return {
    type: "functionCall",
    name: toolCall.function.name,
    params: parseJsonOrText(toolCall.function.arguments),
    result: undefined,
  };
}

/** Tool arguments and results are usually JSON; rendered as JSON they read as the model wrote them. */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function textOf(message: ChatMessage, index: number): string {
  if (message.content === null) return "";
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((part, partIndex) => {
      if (part.type === "text") return part.text;
      throw new GatewayError("unsupported_parameter", {
        message: `The local model reads text only; messages[${index}].content[${partIndex}] is of type ${part.type}.`,
        param: `messages[${index}].content[${partIndex}]`,
      });
    })
    .join("\n");
}
