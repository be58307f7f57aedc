import type { AnthropicMessage, AnthropicMessagesRequest } from "../../../shared/anthropic-schema.js";
import { GatewayError } from "../../../shared/errors.js";
import type { ThinkingBlock } from "../../../shared/chat.js";
import type { ChatCompletionRequest } from "../../../shared/openai-schema.js";
import type { ExtendedChatRequest } from "../../pipeline/to-chat-call.js";

type WireMessage = ChatCompletionRequest["messages"][number];
type UserPart = Extract<Extract<WireMessage, { role: "user" }>["content"], unknown[]>[number];
type TextPart = { type: "text"; text: string };
type AnthropicBlock = Exclude<AnthropicMessage["content"], string>[number];
type ResultBlock = Exclude<Extract<AnthropicBlock, { type: "tool_result" }>["content"], string | undefined>[number];

/** The parts of a Messages request that a count (or a request) may hold: everything but generation settings. */
export type AnthropicConversation = Pick<AnthropicMessagesRequest, "model" | "messages" | "system" | "tools" | "tool_choice">;

/**
 * A Messages request in the pipeline's vocabulary (OpenAI chat), so the same extraction,
 * classification, pseudonymization and restore run on it. Every text-bearing field lands in a
 * field the extractor walks: `system` as a system message, text blocks and text documents (title
 * and context included) as text, tool inputs as tool-call arguments, tool results as tool
 * messages, tool definitions as functions. Images and PDFs become image and file parts, which
 * the policy treats as unscannable. Thinking blocks and the `thinking` setting travel as
 * extensions that only the Anthropic adapter reads (their text is scanned and pseudonymized
 * like the rest); `metadata`, `top_k`, `service_tier`, `cache_control` and citations are not
 * carried: the answering model never sees them (see docs/architecture.md).
 */
export function anthropicToChatRequest(request: AnthropicConversation & Partial<AnthropicMessagesRequest>): ExtendedChatRequest {
  const messages: WireMessage[] = [];
  const messageThinking = new Map<number, ThinkingBlock[]>();
  if (request.system !== undefined) {
    const system = typeof request.system === "string" ? request.system : request.system.map((block) => ({ type: "text" as const, text: block.text }));
    if (system.length > 0) messages.push({ role: "system", content: system });
  }
  request.messages.forEach((message, index) => {
    if (message.role === "assistant" && typeof message.content !== "string") {
      const thinking = thinkingBlocks(message.content);
      if (thinking.length > 0) messageThinking.set(messages.length, thinking);
    }
    messages.push(...toMessages(message, index));
  });

  const chat: ExtendedChatRequest = { model: request.model, messages };
  const extensions: NonNullable<ExtendedChatRequest["extensions"]> = {};
  if (messageThinking.size > 0) extensions.messageThinking = messageThinking;
  if (request.thinking !== undefined) {
    const { type, budget_tokens: budgetTokens, display } = request.thinking;
    extensions.thinking = { type, ...(budgetTokens === undefined ? {} : { budgetTokens }), ...(display == null ? {} : { display }) };
  }
  if (request.output_config?.effort !== undefined) extensions.effort = request.output_config.effort;
  if (Object.keys(extensions).length > 0) chat.extensions = extensions;
  // A schema the answer must follow is the chat format's JSON-schema mode: scanned, and kept by every tier.
  const format = request.output_config?.format;
  if (format) chat.response_format = { type: "json_schema", json_schema: { name: "output", schema: structuredClone(format.schema) } };
  if (request.max_tokens !== undefined) chat.max_tokens = request.max_tokens;
  if (request.stream !== undefined) chat.stream = request.stream;
  if (request.temperature !== undefined) chat.temperature = request.temperature;
  if (request.top_p !== undefined) chat.top_p = request.top_p;
  if (request.stop_sequences !== undefined && request.stop_sequences.length > 0) chat.stop = [...request.stop_sequences];
  if (request.tools !== undefined && request.tools.length > 0) {
    chat.tools = request.tools.map((tool) => ({
      type: "function",
      function: { name: tool.name, ...(tool.description === undefined ? {} : { description: tool.description }), parameters: structuredClone(tool.input_schema) },
    }));
  }
  const choice = request.tool_choice;
  if (choice !== undefined) {
    chat.tool_choice = choice.type === "auto" ? "auto" : choice.type === "any" ? "required" : choice.type === "none" ? "none" : { type: "function", function: { name: choice.name } };
    if (choice.type !== "none" && choice.disable_parallel_tool_use === true) chat.parallel_tool_calls = false;
  }
  return chat;
}

function toMessages(message: AnthropicMessage, index: number): WireMessage[] {
  if (typeof message.content === "string") return [{ role: message.role, content: message.content }];
  if (message.role === "assistant") return [assistantMessage(message.content)];

  // Tool results open a user turn; what follows them is the user's own content.
  const out: WireMessage[] = [];
  const parts: UserPart[] = [];
  message.content.forEach((block, blockIndex) => {
    const path = `messages[${index}].content[${blockIndex}]`;
    if (block.type === "tool_result") {
      const result = toolResult(block.content ?? "", path);
      out.push({ role: "tool", tool_call_id: block.tool_use_id, content: result.content });
      // A chat tool message holds text only: images of a result follow it in a user message.
      parts.push(...result.media);
    } else parts.push(...userParts(block, path));
  });
  if (parts.length > 0) out.push({ role: "user", content: parts });
  return out;
}

function assistantMessage(blocks: Exclude<Extract<AnthropicMessage, { role: "assistant" }>["content"], string>): WireMessage {
  const texts: TextPart[] = [];
  const toolCalls: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }> = [];
  for (const block of blocks) {
    if (block.type === "text") texts.push({ type: "text", text: block.text });
    else if (block.type === "tool_use") toolCalls.push({ id: block.id, type: "function", function: { name: block.name, arguments: JSON.stringify(block.input) } });
    // Thinking blocks travel beside the message (see thinkingBlocks): only Anthropic models take them.
  }
  return { role: "assistant", content: texts.length > 0 ? texts : null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
}

function thinkingBlocks(blocks: Exclude<Extract<AnthropicMessage, { role: "assistant" }>["content"], string>): ThinkingBlock[] {
  return blocks.flatMap((block): ThinkingBlock[] => {
    if (block.type === "thinking") return [{ type: "thinking", thinking: block.thinking, signature: block.signature }];
    if (block.type === "redacted_thinking") return [{ type: "redacted_thinking", data: block.data }];
    return [];
  });
}

function toolResult(content: string | ResultBlock[], path: string): { content: string | TextPart[]; media: UserPart[] } {
  if (typeof content === "string") return { content, media: [] };
  const texts: TextPart[] = [];
  const media: UserPart[] = [];
  content.forEach((block, blockIndex) => {
    for (const part of userParts(block, `${path}.content[${blockIndex}]`)) {
      if (part.type === "text") texts.push(part);
      else media.push(part);
    }
  });
  return { content: texts, media };
}

function userParts(block: Exclude<AnthropicBlock, { type: "tool_use" | "tool_result" | "thinking" | "redacted_thinking" }>, path: string): UserPart[] {
  switch (block.type) {
    case "text":
      return [{ type: "text", text: block.text }];
    case "image":
      return [imagePart(block.source)];
    case "document":
      return documentParts(block, path);
  }
}

function imagePart(source: Extract<AnthropicBlock, { type: "image" }>["source"]): UserPart {
  const url = source.type === "base64" ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: "image_url", image_url: { url } };
}

/** A text document is text to scan, its title and context included; a PDF is an opaque file whose title (its file name) is scanned as text too. */
function documentParts(block: Extract<AnthropicBlock, { type: "document" }>, path: string): UserPart[] {
  const heading = [block.title, block.context].filter((text): text is string => typeof text === "string" && text !== "");
  const source = block.source;
  if (source.type === "base64") {
    return [
      ...heading.map((text): UserPart => ({ type: "text", text })),
      { type: "file", file: { file_data: `data:application/pdf;base64,${source.data}`, ...(block.title ? { filename: block.title } : {}) } },
    ];
  }
  if (source.type === "text") return [{ type: "text", text: [...heading, source.data].join("\n\n") }];
  if (typeof source.content === "string") return [{ type: "text", text: [...heading, source.content].join("\n\n") }];
  const inner = source.content.flatMap((item, itemIndex) => userParts(item, `${path}.source.content[${itemIndex}]`));
  if (inner.length === 0 && heading.length === 0) throw new GatewayError("invalid_request", { param: `${path}.source.content`, message: `Invalid value at \`${path}.source.content\`: a document needs content.` });
  return [...heading.map((text): UserPart => ({ type: "text", text })), ...inner];
}
