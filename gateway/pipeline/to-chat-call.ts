import type { ChatCall, ChatMessage, ContentPart, ThinkingBlock, ThinkingConfig } from "../../shared/chat.js";
import type { ChatCompletionRequest } from "../../shared/openai-schema.js";

type WireMessage = ChatCompletionRequest["messages"][number];

/**
 * Settings an edge other than chat completions adds for what the chat vocabulary lacks (today:
 * Anthropic thinking). The strict parse of a chat-completions body never produces this field, so
 * it comes only from an edge's own translation (`server/anthropic/to-chat-request.ts`).
 */
export interface ChatRequestExtensions {
  thinking?: ThinkingConfig;
  effort?: ChatCall["effort"];
  /** Thinking blocks of assistant messages, by their index in `messages`. */
  messageThinking?: ReadonlyMap<number, ThinkingBlock[]>;
}

export type ExtendedChatRequest = ChatCompletionRequest & { extensions?: ChatRequestExtensions };

function toContent(content: WireMessage["content"]): ChatMessage["content"] {
  if (content === undefined || content === null || typeof content === "string") return content ?? null;
  return content.map((part): ContentPart => {
    switch (part.type) {
      case "text":
        return { type: "text", text: part.text };
      case "refusal":
        return { type: "text", text: part.refusal };
      case "image_url":
        return { type: "image_url", data: { ...part.image_url } };
      case "input_audio":
        return { type: "input_audio", data: { ...part.input_audio } };
      case "file":
        return { type: "file", data: { ...part.file } };
    }
  });
}

function toMessage(message: WireMessage): ChatMessage {
  const result: ChatMessage = { role: message.role, content: toContent(message.content) };
  if ("name" in message && message.name !== undefined) result.name = message.name;
  if (message.role === "assistant" && message.tool_calls) {
    result.toolCalls = message.tool_calls.map((call) => ({ id: call.id, type: "function", function: { ...call.function } }));
  }
  if (message.role === "tool") result.toolCallId = message.tool_call_id;
  return result;
}

/**
 * The validated wire request as a `ChatCall`: a deep copy the pipeline owns and may rewrite
 * (pseudonymization), so the client's request object is never mutated.
 */
export function toChatCall(request: ExtendedChatRequest, model: string): ChatCall {
  const call: ChatCall = { model, messages: request.messages.map(toMessage) };
  const extensions = request.extensions;
  extensions?.messageThinking?.forEach((blocks, index) => {
    const message = call.messages[index];
    if (message?.role === "assistant" && blocks.length > 0) message.thinking = structuredClone(blocks);
  });
  if (extensions?.thinking) call.thinking = { ...extensions.thinking };
  if (extensions?.effort) call.effort = extensions.effort;
  if (request.tools) call.tools = structuredClone(request.tools).map((tool) => ({ type: "function", function: stripNull(tool.function) }));
  if (request.tool_choice) call.toolChoice = request.tool_choice;
  if (request.parallel_tool_calls != null) call.parallelToolCalls = request.parallel_tool_calls;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) call.maxTokens = maxTokens;
  if (request.temperature != null) call.temperature = request.temperature;
  if (request.top_p != null) call.topP = request.top_p;
  if (request.stop != null) call.stop = typeof request.stop === "string" ? [request.stop] : [...request.stop];
  if (request.seed != null) call.seed = request.seed;
  const format = request.response_format;
  if (format) {
    call.responseFormat =
      format.type === "json_schema"
        ? { type: "json_schema", jsonSchema: stripNull(structuredClone(format.json_schema)) }
        : { type: format.type };
  }
  return call;
}

function stripNull<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
