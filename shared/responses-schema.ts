import { z } from "zod";
import { identifierNameSchema, toolCallIdSchema } from "./tool-identifiers.js";

/**
 * Zod schema of the OpenAI Responses request we accept (`POST /v1/responses`). Objects are
 * strict, as for Chat Completions: a field we do not understand could carry text we would not
 * scan, so it is refused with a 400 that names it. A few fields are accepted here only so that
 * the request path can refuse them with a message of their own: server-side state
 * (`previous_response_id`, `conversation`, `store: true`, item references) and a hosted tool
 * forced by `tool_choice`. Hosted tool declarations are accepted and dropped, never forwarded.
 */
const inputText = z.strictObject({ type: z.literal("input_text"), text: z.string() });
const outputText = z.strictObject({
  type: z.literal("output_text"),
  text: z.string(),
  annotations: z.array(z.unknown()).max(0, "annotations are not accepted in input").optional(),
  logprobs: z.array(z.unknown()).optional(),
  /** Added by the SDK's parse helpers to the output a client replays; dropped, never sent. */
  parsed: z.unknown().optional(),
});
const refusal = z.strictObject({ type: z.literal("refusal"), refusal: z.string() });
const inputImage = z.strictObject({
  type: z.literal("input_image"),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.enum(["auto", "low", "high", "original"]).nullish(),
});
const inputFile = z.strictObject({
  type: z.literal("input_file"),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
  detail: z.enum(["auto", "low", "high"]).nullish(),
});

const inputContent = z.discriminatedUnion("type", [inputText, inputImage, inputFile]);
const assistantContent = z.discriminatedUnion("type", [outputText, refusal, inputText]);

const jsonObject = z.record(z.string(), z.unknown());

const functionTool = z.strictObject({
  type: z.literal("function"),
  name: identifierNameSchema(64),
  description: z.string().nullish(),
  parameters: jsonObject.nullish(),
  strict: z.boolean().nullish(),
  /** Tool search is the provider's: every tool is simply given to the model. */
  defer_loading: z.boolean().nullish(),
});

/**
 * A freeform tool (Codex's `apply_patch`): the model answers with raw text, not JSON. It
 * becomes a function tool with one string parameter; its grammar is never forwarded (the
 * function has none), so the grammar needs no scan.
 */
const customTool = z.strictObject({
  type: z.literal("custom"),
  name: identifierNameSchema(64),
  description: z.string().nullish(),
  format: z
    .discriminatedUnion("type", [
      z.strictObject({ type: z.literal("text") }),
      z.strictObject({ type: z.literal("grammar"), syntax: z.enum(["lark", "regex"]), definition: z.string() }),
    ])
    .nullish(),
  defer_loading: z.boolean().nullish(),
});

/** A group of tools (how Codex declares each MCP server): its members are flattened into the tool list. */
const namespaceTool = z.strictObject({
  type: z.literal("namespace"),
  name: identifierNameSchema(64),
  description: z.string().nullish(),
  tools: z.array(z.discriminatedUnion("type", [functionTool, customTool])),
});

const clientToolTypes: readonly string[] = ["function", "custom", "namespace"];
/**
 * Any other tool is one the provider runs on its own servers (web search, file search, code
 * interpreter…). We run none of them: the declaration is dropped (never forwarded, so its
 * content needs no scan) and the answer says so; forcing one with `tool_choice` is refused.
 */
const hostedTool = z.looseObject({ type: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "a tool type is 1 to 64 letters, digits, `_`, `.` or `-`").refine((type) => !clientToolTypes.includes(type), "not a hosted tool type") });

const tool = z.union([functionTool, customTool, namespaceTool, hostedTool]);

const itemStatus = z.enum(["in_progress", "completed", "incomplete"]).nullish();

const inputMessage = z.strictObject({
  type: z.literal("message"),
  id: z.string().nullish(),
  role: z.enum(["user", "system", "developer"]),
  content: z.union([z.string(), z.array(inputContent)]),
  status: itemStatus,
});
const assistantMessage = z.strictObject({
  type: z.literal("message"),
  id: z.string().nullish(),
  role: z.literal("assistant"),
  content: z.union([z.string(), z.array(assistantContent)]),
  status: itemStatus,
  phase: z.enum(["commentary", "final_answer"]).nullish(),
});
const functionCall = z.strictObject({
  type: z.literal("function_call"),
  id: z.string().nullish(),
  call_id: toolCallIdSchema,
  name: identifierNameSchema(64),
  arguments: z.string(),
  /** The group of a namespaced tool (Codex's MCP tools). */
  namespace: identifierNameSchema(64).nullish(),
  status: itemStatus,
  /** Added by the SDK's stream and parse helpers to the output a client replays; dropped, never sent. */
  parsed_arguments: z.unknown().optional(),
});
const functionCallOutput = z.strictObject({
  type: z.literal("function_call_output"),
  id: z.string().nullish(),
  call_id: toolCallIdSchema,
  output: z.union([z.string(), z.array(inputContent)]),
  status: itemStatus,
});
const customToolCall = z.strictObject({
  type: z.literal("custom_tool_call"),
  id: z.string().nullish(),
  call_id: toolCallIdSchema,
  name: identifierNameSchema(64),
  namespace: identifierNameSchema(64).nullish(),
  input: z.string(),
  status: itemStatus,
});
const customToolCallOutput = z.strictObject({
  type: z.literal("custom_tool_call_output"),
  id: z.string().nullish(),
  call_id: toolCallIdSchema,
  output: z.union([z.string(), z.array(inputContent)]),
  status: itemStatus,
});
/** Tools a developer adds mid-conversation (Codex sends them so): they join the request's tools. */
const additionalTools = z.strictObject({
  type: z.literal("additional_tools"),
  id: z.string().nullish(),
  role: z.literal("developer"),
  tools: z.array(tool),
});
/** Reasoning from an earlier turn: no target here reads it back, so it is dropped, never sent. */
const reasoning = z.strictObject({
  type: z.literal("reasoning"),
  id: z.string().nullish(),
  summary: z.array(z.strictObject({ type: z.literal("summary_text"), text: z.string() })),
  content: z.array(z.strictObject({ type: z.literal("reasoning_text"), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
  status: itemStatus,
});
/** Points at an item stored by the provider: refused, we store none. */
const itemReference = z.strictObject({ type: z.literal("item_reference"), id: z.string() });

const message = z.discriminatedUnion("role", [inputMessage, assistantMessage]);
const typedItem = z.discriminatedUnion("type", [message, functionCall, functionCallOutput, customToolCall, customToolCallOutput, additionalTools, reasoning, itemReference]);
/** An item without a `type` is a message (the "easy" input message form). */
export const responsesInputItemSchema = z.preprocess(
  (value) => (value !== null && typeof value === "object" && !Array.isArray(value) && !("type" in value) ? { ...value, type: "message" } : value),
  typedItem,
);

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.strictObject({ type: z.literal("function"), name: identifierNameSchema(64), namespace: identifierNameSchema(64).nullish() }),
  z.strictObject({ type: z.literal("custom"), name: identifierNameSchema(64), namespace: identifierNameSchema(64).nullish() }),
  z.looseObject({ type: z.literal("allowed_tools") }),
  // A hosted tool forced by name: accepted here only to be refused with an error of its own.
  z.looseObject({ type: z.string().refine((type) => !["function", "custom", "allowed_tools"].includes(type), "not a hosted tool type") }),
]);

const textFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    name: identifierNameSchema(64),
    schema: jsonObject,
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const responsesRequestSchema = z.strictObject({
  model: z.string().min(1),
  /** A string is one user message (as OpenAI defines it), so the rest of the path sees one form. */
  input: z.preprocess((value) => (typeof value === "string" ? [{ type: "message", role: "user", content: value }] : value), z.array(responsesInputItemSchema).min(1)),
  instructions: z.string().nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  text: z.strictObject({ format: textFormat.nullish(), verbosity: z.enum(["low", "medium", "high"]).nullish() }).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.strictObject({ include_obfuscation: z.boolean().nullish() }).nullish(),
  store: z.boolean().nullish(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullish(),
  user: z.string().nullish(),
  /** Kept in the gateway (never forwarded): an identifier the client uses for its own caching. */
  prompt_cache_key: z.string().nullish(),
  prompt_cache_retention: z.string().nullish(),
  /** The client's own trace context (Codex sends it): kept in the gateway, never forwarded or echoed. */
  client_metadata: z.record(z.string(), z.string()).nullish(),
  /** A provider's processing tier: the gateway picks the provider, so it is not forwarded. */
  service_tier: z.enum(["auto", "default", "flex", "scale", "priority"]).nullish(),
  safety_identifier: z.string().nullish(),
  /** Accepted and not forwarded: the answering model's own defaults apply. */
  reasoning: z.strictObject({ effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).nullish(), summary: z.enum(["auto", "concise", "detailed", "none"]).nullish() }).nullish(),
  /** Extra output a client may ask for (e.g. encrypted reasoning): none of it exists here, so none is sent. */
  include: z.array(z.string()).nullish(),
  truncation: z.literal("disabled").nullish(),
  background: z.literal(false).nullish(),
  top_logprobs: z.literal(0).nullish(),
  // Server-side state: accepted by the schema only to be refused with a clear error.
  previous_response_id: z.string().nullish(),
  conversation: z.union([z.string(), z.strictObject({ id: z.string() })]).nullish(),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;
export type ResponsesTool = z.infer<typeof tool>;
