import { GatewayError } from "../../../shared/errors.js";
import type { ChatCompletionRequest } from "../../../shared/openai-schema.js";
import type { ResponsesInputItem, ResponsesRequest } from "../../../shared/responses-schema.js";
import { chatToolChoice, ResponsesToolMap } from "./responses-tools.js";

type WireMessage = ChatCompletionRequest["messages"][number];
type AssistantMessage = Extract<WireMessage, { role: "assistant" }>;
type UserContent = Exclude<Extract<WireMessage, { role: "user" }>["content"], string>;
type InputContent = Extract<ResponsesInputItem, { type: "message"; role: "user" | "system" | "developer" }>["content"];
type ToolOutput = Extract<ResponsesInputItem, { type: "function_call_output" }>["output"];

/**
 * A Responses request in the pipeline's vocabulary (OpenAI chat), so the one request path
 * extracts, classifies, pseudonymizes and restores every text it carries: instructions become
 * the first system message, message items messages, `function_call` items an assistant
 * message's tool calls, `function_call_output` items tool messages; custom (freeform) tool
 * calls and their outputs likewise, the raw input as the `input` argument. Reasoning items are
 * dropped (no target reads them back, and nothing unscanned may leave). Tools are mapped by
 * `ResponsesToolMap` (hosted ones dropped); server-side state is refused with errors of its own.
 */
export function responsesToChatRequest(request: ResponsesRequest): ChatCompletionRequest {
  return translateResponsesRequest(request).chat;
}

/** The chat request, and the tool map that turns the answer's calls back into the client's tools. */
export function translateResponsesRequest(request: ResponsesRequest): { chat: ChatCompletionRequest; tools: ResponsesToolMap } {
  refuseServerState(request);
  const tools = ResponsesToolMap.of(request);
  const messages: WireMessage[] = [];
  if (request.instructions) messages.push({ role: "system", content: request.instructions });
  request.input.forEach((item, index) => appendItem(messages, item, index, tools));
  if (messages.length === 0) throw new GatewayError("invalid_request", { param: "input", message: "The input holds no message to answer (reasoning items alone are not a request)." });

  const chat: ChatCompletionRequest = { model: request.model, messages, stream: request.stream === true };
  if (tools.tools.length > 0) chat.tools = tools.tools;
  if (request.tool_choice != null) {
    const choice = chatToolChoice(request.tool_choice, tools);
    // With every declared tool dropped there is nothing to choose from: `auto` means no tool.
    if (chat.tools || typeof choice !== "string" || choice === "none") chat.tool_choice = choice;
  }
  if (request.parallel_tool_calls != null) chat.parallel_tool_calls = request.parallel_tool_calls;
  if (request.max_output_tokens != null) chat.max_completion_tokens = request.max_output_tokens;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  const format = request.text?.format;
  if (format) {
    chat.response_format =
      format.type === "json_schema"
        ? { type: "json_schema", json_schema: { name: format.name, schema: format.schema, ...(format.description != null ? { description: format.description } : {}), ...(format.strict != null ? { strict: format.strict } : {}) } }
        : { type: format.type };
  }
  return { chat, tools };
}

function refuseServerState(request: ResponsesRequest): void {
  if (request.previous_response_id != null) {
    throw new GatewayError("server_state_unsupported", { param: "previous_response_id", message: "`previous_response_id` is not supported: Privacy Router keeps no responses on the server. Send the whole conversation in `input` instead." });
  }
  if (request.conversation != null) {
    throw new GatewayError("server_state_unsupported", { param: "conversation", message: "`conversation` is not supported: Privacy Router keeps no conversations on the server. Send the whole conversation in `input` instead." });
  }
  if (request.store === true) {
    throw new GatewayError("server_state_unsupported", { param: "store", message: "`store: true` is not supported: Privacy Router keeps no responses on the server. Send `store: false` or leave it out." });
  }
}

function appendItem(messages: WireMessage[], item: ResponsesInputItem, index: number, tools: ResponsesToolMap): void {
  const param = `input[${index}]`;
  switch (item.type) {
    case "message":
      if (item.role === "assistant") {
        const content = typeof item.content === "string" ? item.content : item.content.map((part) => (part.type === "refusal" ? { type: "refusal" as const, refusal: part.refusal } : { type: "text" as const, text: part.text }));
        messages.push({ role: "assistant", content });
      } else if (item.role === "user") {
        messages.push({ role: "user", content: userContent(item.content, `${param}.content`) });
      } else {
        messages.push({ role: item.role, content: textContent(item.content, `${param}.content`) });
      }
      return;
    case "function_call":
      appendCall(messages, { id: item.call_id, type: "function", function: { name: tools.internalName(item.name, item.namespace), arguments: item.arguments } });
      return;
    case "custom_tool_call":
      // The model called it as a function with one `input` argument; the raw text is that argument.
      appendCall(messages, { id: item.call_id, type: "function", function: { name: tools.internalName(item.name, item.namespace), arguments: JSON.stringify({ input: item.input }) } });
      return;
    case "function_call_output":
    case "custom_tool_call_output":
      messages.push({ role: "tool", tool_call_id: item.call_id, content: textContent(item.output, `${param}.output`) });
      return;
    case "additional_tools":
      // Its tools joined the request's tools (ResponsesToolMap); it holds no message.
      return;
    case "reasoning":
      return;
    case "item_reference":
      throw new GatewayError("server_state_unsupported", { param, message: `\`${param}\` is an item reference: Privacy Router keeps no items on the server. Send the item itself instead.` });
  }
}

/** Calls made in one turn belong to one assistant message, right after its text if any. */
function appendCall(messages: WireMessage[], call: NonNullable<AssistantMessage["tool_calls"]>[number]): void {
  const last = messages.at(-1);
  if (last?.role === "assistant") (last as AssistantMessage).tool_calls = [...((last as AssistantMessage).tool_calls ?? []), call];
  else messages.push({ role: "assistant", content: null, tool_calls: [call] });
}

function userContent(content: InputContent, param: string): string | UserContent {
  if (typeof content === "string") return content;
  return content.map((part, index): UserContent[number] => {
    switch (part.type) {
      case "input_text":
        return { type: "text", text: part.text };
      case "input_image":
        if (part.image_url != null) {
          const detail = part.detail === "original" || part.detail == null ? undefined : part.detail;
          return { type: "image_url", image_url: detail ? { url: part.image_url, detail } : { url: part.image_url } };
        }
        if (part.file_id != null) return { type: "file", file: { file_id: part.file_id } };
        throw new GatewayError("invalid_request", { param: `${param}[${index}]`, message: `\`${param}[${index}]\` needs an \`image_url\` or a \`file_id\`.` });
      case "input_file": {
        // A file by URL would be fetched by the provider: nothing here could scan it first.
        if (part.file_url != null) throw new GatewayError("unsupported_parameter", { param: `${param}[${index}].file_url`, message: "Files by URL are not supported: send the file's content in `file_data`." });
        const file: { file_data?: string; file_id?: string; filename?: string } = {};
        if (part.file_data != null) file.file_data = part.file_data;
        if (part.file_id != null) file.file_id = part.file_id;
        if (part.filename != null) file.filename = part.filename;
        return { type: "file", file };
      }
    }
  });
}

/** System and developer messages, and tool results, carry text only. */
function textContent(content: InputContent | ToolOutput, param: string): string | Array<{ type: "text"; text: string }> {
  if (typeof content === "string") return content;
  return content.map((part, index) => {
    if (part.type !== "input_text") {
      throw new GatewayError("unsupported_parameter", { param: `${param}[${index}]`, message: `\`${param}[${index}]\`: only \`input_text\` is supported here, not \`${part.type}\`.` });
    }
    return { type: "text", text: part.text };
  });
}
