import type { ChatCall, ChatMessage, ContentPart, ToolChoice, ToolDefinition } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";

/**
 * Anthropic requires `max_tokens`; the chat-completions vocabulary makes it optional. 4096 is
 * the largest output every Claude model accepts (Claude 3 Haiku's ceiling), so a request
 * without a limit works on any of them; a client that wants more says so.
 */
export const defaultAnthropicMaxTokens = 4096;

type Block = Record<string, unknown>;
interface Turn {
  role: "user" | "assistant";
  content: Block[];
}

/**
 * The exact JSON body sent to Anthropic's `POST /v1/messages`, built field by field from the
 * call. System and developer messages become `system`; tool results become `tool_result`
 * blocks at the head of a user turn; consecutive turns of one role are merged, as the API
 * wants strictly alternating roles. Absent settings stay absent. Always streamed.
 */
export function toAnthropicRequestBody(call: ChatCall, options: { defaultMaxTokens?: number } = {}): Record<string, unknown> {
  if (call.responseFormat?.type === "json_object") {
    throw new GatewayError("unsupported_parameter", {
      param: "response_format",
      message: "`response_format: json_object` is not available on Anthropic providers; give a JSON schema (`json_schema`) or choose another model.",
    });
  }
  const system: Block[] = [];
  const turns: Turn[] = [];
  for (const message of call.messages) {
    if (message.role === "system" || message.role === "developer") {
      for (const text of textsOf(message)) system.push({ type: "text", text });
      continue;
    }
    const role = message.role === "assistant" ? "assistant" : "user";
    const blocks = message.role === "tool" ? [toolResultBlock(message)] : message.role === "assistant" ? assistantBlocks(message) : userBlocks(message);
    if (blocks.length === 0) continue;
    const previous = turns.at(-1);
    if (previous?.role === role) appendToTurn(previous, blocks);
    else turns.push({ role, content: blocks });
  }

  const body: Record<string, unknown> = {
    model: call.model,
    max_tokens: call.maxTokens ?? options.defaultMaxTokens ?? defaultAnthropicMaxTokens,
    messages: turns,
  };
  if (system.length > 0) body.system = system;
  // Anthropic takes tool_choice only with tools; without tools it would change nothing.
  if (call.tools !== undefined && call.tools.length > 0) {
    body.tools = call.tools.map(toWireTool);
    const choice = toWireToolChoice(call.toolChoice, call.parallelToolCalls);
    if (choice !== undefined) body.tool_choice = choice;
  }
  // Anthropic's range is 0 to 1, OpenAI's 0 to 2; both mean "as random as allowed" at the top.
  if (call.temperature !== undefined) body.temperature = Math.min(call.temperature, 1);
  if (call.topP !== undefined) body.top_p = call.topP;
  if (call.stop !== undefined && call.stop.length > 0) body.stop_sequences = call.stop;
  const outputConfig: Block = {};
  if (call.effort !== undefined) outputConfig.effort = call.effort;
  if (call.responseFormat?.type === "json_schema") outputConfig.format = { type: "json_schema", schema: call.responseFormat.jsonSchema.schema ?? {} };
  if (Object.keys(outputConfig).length > 0) body.output_config = outputConfig;
  if (call.thinking !== undefined) {
    const thinking: Block = { type: call.thinking.type };
    if (call.thinking.budgetTokens !== undefined) thinking.budget_tokens = call.thinking.budgetTokens;
    if (call.thinking.display !== undefined) thinking.display = call.thinking.display;
    body.thinking = thinking;
  }
  body.stream = true;
  return body;
}

/** Tool results must open a user turn, before any other content of that turn. */
function appendToTurn(turn: Turn, blocks: Block[]): void {
  if (blocks.every((block) => block.type === "tool_result")) {
    const firstOther = turn.content.findIndex((block) => block.type !== "tool_result");
    if (firstOther !== -1) {
      turn.content.splice(firstOther, 0, ...blocks);
      return;
    }
  }
  turn.content.push(...blocks);
}

function textsOf(message: ChatMessage): string[] {
  if (message.content === null) return [];
  if (typeof message.content === "string") return message.content === "" ? [] : [message.content];
  return message.content.flatMap((part) => (part.type === "text" && part.text !== "" ? [part.text] : []));
}

function userBlocks(message: ChatMessage): Block[] {
  if (message.content === null) return [];
  if (typeof message.content === "string") return message.content === "" ? [] : [{ type: "text", text: message.content }];
  return message.content.flatMap((part) => contentBlock(part));
}

/** Anthropic refuses empty text blocks; an empty part carries nothing anyway. */
function contentBlock(part: ContentPart): Block[] {
  switch (part.type) {
    case "text":
      return part.text === "" ? [] : [{ type: "text", text: part.text }];
    case "image_url":
      return [imageBlock(part.data)];
    case "file":
      return [documentBlock(part.data)];
    case "input_audio":
      throw new GatewayError("unsupported_parameter", { message: "Anthropic models do not accept audio input; choose another model." });
  }
}

const dataUrl = /^data:([^;,]+);base64,(.*)$/s;

function imageBlock(data: Record<string, unknown>): Block {
  const url = typeof data.url === "string" ? data.url : "";
  const inline = dataUrl.exec(url);
  if (inline) return { type: "image", source: { type: "base64", media_type: inline[1], data: inline[2] } };
  return { type: "image", source: { type: "url", url } };
}

function documentBlock(data: Record<string, unknown>): Block {
  const inline = typeof data.file_data === "string" ? dataUrl.exec(data.file_data) : null;
  if (!inline || inline[1] !== "application/pdf") {
    throw new GatewayError("unsupported_parameter", { message: "Anthropic models take files only as inline PDF data (`data:application/pdf;base64,…`)." });
  }
  const block: Block = { type: "document", source: { type: "base64", media_type: "application/pdf", data: inline[2] } };
  if (typeof data.filename === "string" && data.filename !== "") block.title = data.filename;
  return block;
}

function assistantBlocks(message: ChatMessage): Block[] {
  // Thinking goes back as it came, signature and all, before the content it preceded.
  const blocks: Block[] = (message.thinking ?? []).map((block) => ({ ...block }));
  blocks.push(...textsOf(message).map((text) => ({ type: "text", text })));
  for (const toolCall of message.toolCalls ?? []) {
    blocks.push({ type: "tool_use", id: toolCall.id, name: toolCall.function.name, input: toolInput(toolCall.function.arguments) });
  }
  return blocks;
}

/** Tool input travels as an object; an empty argument string is a call without arguments. */
function toolInput(argumentsText: string): unknown {
  if (argumentsText.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(argumentsText);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // Reported below.
  }
  throw new GatewayError("invalid_request", { message: "An earlier tool call's arguments are not a JSON object, which Anthropic models require." });
}

function toolResultBlock(message: ChatMessage): Block {
  const block: Block = { type: "tool_result", tool_use_id: message.toolCallId ?? "" };
  if (typeof message.content === "string") {
    if (message.content !== "") block.content = message.content;
  } else if (message.content !== null) {
    const blocks = message.content.flatMap((part) => contentBlock(part));
    if (blocks.length > 0) block.content = blocks;
  }
  return block;
}

function toWireTool(tool: ToolDefinition): Block {
  const definition: Block = { name: tool.function.name, input_schema: tool.function.parameters ?? { type: "object", properties: {} } };
  if (tool.function.description !== undefined) definition.description = tool.function.description;
  return definition;
}

function toWireToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): Block | undefined {
  const disableParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return parallel === false ? { type: "auto", ...disableParallel } : undefined;
  if (choice === "none") return { type: "none" };
  if (choice === "auto") return { type: "auto", ...disableParallel };
  if (choice === "required") return { type: "any", ...disableParallel };
  return { type: "tool", name: choice.function.name, ...disableParallel };
}
