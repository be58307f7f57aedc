import type { ChatCall, ChatMessage, ContentPart, ResponseFormat, ToolDefinition } from "../../shared/chat.js";

/** Which field carries the output limit: OpenAI's reasoning models accept only the newer one. */
export type MaxTokensParameter = "max_tokens" | "max_completion_tokens";

export interface OpenAIChatRequestBodyOptions {
  maxTokensParameter: MaxTokensParameter;
}

/**
 * The exact JSON body sent to an OpenAI-compatible `/chat/completions`, built from the call
 * field by field, so nothing reaches the provider that the gateway did not put there on
 * purpose. Absent settings stay absent, leaving the provider's defaults alone. The call is
 * always streamed, with usage, whatever the client asked: the gateway aggregates for clients
 * that did not ask for a stream.
 */
export function toOpenAIChatRequestBody(call: ChatCall, options: OpenAIChatRequestBodyOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: call.model,
    messages: call.messages.map(toWireMessage),
  };
  // OpenAI refuses `tool_choice` and `parallel_tool_calls` without tools, and without tools they
  // change nothing, so they only travel with them.
  if (call.tools !== undefined && call.tools.length > 0) {
    body.tools = call.tools.map(toWireTool);
    if (call.toolChoice !== undefined) body.tool_choice = call.toolChoice;
    if (call.parallelToolCalls !== undefined) body.parallel_tool_calls = call.parallelToolCalls;
  }
  if (call.maxTokens !== undefined) body[options.maxTokensParameter] = call.maxTokens;
  if (call.temperature !== undefined) body.temperature = call.temperature;
  if (call.topP !== undefined) body.top_p = call.topP;
  if (call.stop !== undefined && call.stop.length > 0) body.stop = call.stop;
  if (call.seed !== undefined) body.seed = call.seed;
  if (call.responseFormat !== undefined) body.response_format = toWireResponseFormat(call.responseFormat);
  body.stream = true;
  body.stream_options = { include_usage: true };
  return body;
}

function toWireMessage(message: ChatMessage): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    role: message.role,
    content: typeof message.content === "string" || message.content === null ? message.content : message.content.map(toWirePart),
  };
  if (message.name !== undefined) wire.name = message.name;
  if (message.toolCalls !== undefined && message.toolCalls.length > 0) {
    wire.tool_calls = message.toolCalls.map((toolCall) => ({
      id: toolCall.id,
      type: "function",
      function: { name: toolCall.function.name, arguments: toolCall.function.arguments },
    }));
  }
  if (message.toolCallId !== undefined) wire.tool_call_id = message.toolCallId;
  return wire;
}

/** An opaque part keeps its payload under a key named after its type, as on the wire. */
function toWirePart(part: ContentPart): Record<string, unknown> {
  if (part.type === "text") return { type: "text", text: part.text };
  return { type: part.type, [part.type]: part.data };
}

function toWireTool(tool: ToolDefinition): Record<string, unknown> {
  const definition: Record<string, unknown> = { name: tool.function.name };
  if (tool.function.description !== undefined) definition.description = tool.function.description;
  if (tool.function.parameters !== undefined) definition.parameters = tool.function.parameters;
  if (tool.function.strict !== undefined) definition.strict = tool.function.strict;
  return { type: "function", function: definition };
}

function toWireResponseFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type !== "json_schema") return { type: format.type };
  const schema: Record<string, unknown> = { name: format.jsonSchema.name };
  if (format.jsonSchema.description !== undefined) schema.description = format.jsonSchema.description;
  if (format.jsonSchema.schema !== undefined) schema.schema = format.jsonSchema.schema;
  if (format.jsonSchema.strict !== undefined) schema.strict = format.jsonSchema.strict;
  return { type: "json_schema", json_schema: schema };
}
