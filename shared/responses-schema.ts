import { z } from "zod";
import { identifierNameSchema, toolCallIdSchema } from "./tool-identifiers.js";

/**
 * Zod schema of the OpenAI Responses request we accept (`POST /v1/responses`). Objects are
 * strict, as for Chat Completions: a field we do not understand could carry text we would not
 * scan, so it is refused with a 400 that names it. A few fields are accepted here only so that
 * the request path can refuse them with a message of their own: server-side state
 * (`previous_response_id`, `conversation`, `store: true`, item references) and hosted tools.
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
const typedItem = z.discriminatedUnion("type", [message, functionCall, functionCallOutput, reasoning, itemReference]);
/** An item without a `type` is a message (the "easy" input message form). */
export const responsesInputItemSchema = z.preprocess(
  (value) => (value !== null && typeof value === "object" && !Array.isArray(value) && !("type" in value) ? { ...value, type: "message" } : value),
  typedItem,
);

const jsonObject = z.record(z.string(), z.unknown());

const functionTool = z.strictObject({
  type: z.literal("function"),
  name: identifierNameSchema(64),
  description: z.string().nullish(),
  parameters: jsonObject.nullish(),
  strict: z.boolean().nullish(),
});

/** Tools the provider runs on its own servers; we run none of them, and say so. */
export const hostedToolTypes = [
  "web_search",
  "web_search_preview",
  "web_search_2025_08_26",
  "web_search_preview_2025_03_11",
  "file_search",
  "code_interpreter",
  "computer_use_preview",
  "computer",
  "image_generation",
  "mcp",
  "local_shell",
  "shell",
  "apply_patch",
  "custom",
] as const;
const hostedTool = z.looseObject({ type: z.enum(hostedToolTypes) });

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.strictObject({ type: z.literal("function"), name: identifierNameSchema(64) }),
  z.looseObject({ type: z.enum([...hostedToolTypes, "allowed_tools"]) }),
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
  tools: z.array(z.discriminatedUnion("type", [functionTool, hostedTool])).nullish(),
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
  safety_identifier: z.string().nullish(),
  /** Accepted and not forwarded: the answering model's own defaults apply. */
  reasoning: z.strictObject({ effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).nullish(), summary: z.enum(["auto", "concise", "detailed"]).nullish() }).nullish(),
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
