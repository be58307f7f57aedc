import { z } from "zod";
import { identifierNameSchema, toolCallIdSchema } from "./tool-identifiers.js";

/**
 * Zod schemas of the Anthropic Messages and count_tokens requests we accept. Objects are strict:
 * a field we do not understand could carry text we would not scan, so it is refused with a 400
 * that names it instead of being dropped or passed on. Fields that only tune delivery
 * (`cache_control`, `citations`, `metadata`, `service_tier`, `top_k`) are accepted and not
 * forwarded; `thinking` goes to Anthropic models only.
 */
const cacheControl = z.strictObject({ type: z.literal("ephemeral"), ttl: z.enum(["5m", "1h"]).optional() }).nullish();

export const anthropicTextBlockSchema = z.strictObject({
  type: z.literal("text"),
  text: z.string(),
  cache_control: cacheControl,
  // Citations an earlier answer carried; they quote documents the request holds anyway, and are not forwarded.
  citations: z.array(z.unknown()).nullish(),
});

const imageMediaType = z.enum(["image/jpeg", "image/png", "image/gif", "image/webp"]);

export const anthropicImageBlockSchema = z.strictObject({
  type: z.literal("image"),
  source: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("base64"), media_type: imageMediaType, data: z.string() }),
    z.strictObject({ type: z.literal("url"), url: z.string() }),
  ]),
  cache_control: cacheControl,
});

export const anthropicDocumentBlockSchema = z.strictObject({
  type: z.literal("document"),
  source: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("base64"), media_type: z.literal("application/pdf"), data: z.string() }),
    z.strictObject({ type: z.literal("text"), media_type: z.literal("text/plain"), data: z.string() }),
    z.strictObject({
      type: z.literal("content"),
      content: z.union([z.string(), z.array(z.discriminatedUnion("type", [anthropicTextBlockSchema, anthropicImageBlockSchema]))]),
    }),
  ]),
  title: z.string().nullish(),
  context: z.string().nullish(),
  citations: z.strictObject({ enabled: z.boolean().optional() }).nullish(),
  cache_control: cacheControl,
});

export const anthropicToolUseBlockSchema = z.strictObject({
  type: z.literal("tool_use"),
  id: toolCallIdSchema,
  name: identifierNameSchema(128),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControl,
});

export const anthropicToolResultBlockSchema = z.strictObject({
  type: z.literal("tool_result"),
  tool_use_id: toolCallIdSchema,
  content: z
    .union([z.string(), z.array(z.discriminatedUnion("type", [anthropicTextBlockSchema, anthropicImageBlockSchema, anthropicDocumentBlockSchema]))])
    .optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});

export const anthropicThinkingBlockSchema = z.strictObject({ type: z.literal("thinking"), thinking: z.string(), signature: z.string() });
export const anthropicRedactedThinkingBlockSchema = z.strictObject({ type: z.literal("redacted_thinking"), data: z.string() });

const userMessage = z.strictObject({
  role: z.literal("user"),
  content: z.union([
    z.string(),
    z.array(z.discriminatedUnion("type", [anthropicTextBlockSchema, anthropicImageBlockSchema, anthropicDocumentBlockSchema, anthropicToolResultBlockSchema])),
  ]),
});

const assistantMessage = z.strictObject({
  role: z.literal("assistant"),
  content: z.union([
    z.string(),
    z.array(z.discriminatedUnion("type", [anthropicTextBlockSchema, anthropicToolUseBlockSchema, anthropicThinkingBlockSchema, anthropicRedactedThinkingBlockSchema])),
  ]),
});

export const anthropicMessageSchema = z.discriminatedUnion("role", [userMessage, assistantMessage]);

/** Custom tools only: server tools (web search, code execution…) would run where we cannot see. */
export const anthropicToolSchema = z.strictObject({
  type: z.literal("custom").nullish(),
  name: identifierNameSchema(128),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  cache_control: cacheControl,
  strict: z.boolean().optional(),
});

const parallel = { disable_parallel_tool_use: z.boolean().optional() };
export const anthropicToolChoiceSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("auto"), ...parallel }),
  z.strictObject({ type: z.literal("any"), ...parallel }),
  z.strictObject({ type: z.literal("tool"), name: identifierNameSchema(128), ...parallel }),
  z.strictObject({ type: z.literal("none") }),
]);

const thinkingConfig = z.strictObject({
  type: z.enum(["enabled", "disabled", "adaptive"]),
  budget_tokens: z.number().int().positive().optional(),
  display: z.enum(["summarized", "omitted"]).nullish(),
});

const system = z.union([z.string(), z.array(anthropicTextBlockSchema)]);

/** How hard the model should think (`effort`) and a JSON schema its answer must follow (`format`). */
const outputConfig = z.strictObject({
  effort: z.enum(["low", "medium", "high", "max"]).optional(),
  format: z.strictObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }).nullish(),
});

/**
 * Server-side context editing (a beta Claude Code sends). It carries settings, not text, and is
 * never forwarded: the whole conversation travels on every request anyway.
 */
const contextManagement = z.record(z.string(), z.unknown());

export const anthropicMessagesRequestSchema = z.strictObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(anthropicMessageSchema).min(1),
  system: system.optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
  tools: z.array(anthropicToolSchema).optional(),
  tool_choice: anthropicToolChoiceSchema.optional(),
  metadata: z.strictObject({ user_id: z.string().nullish() }).optional(),
  thinking: thinkingConfig.optional(),
  output_config: outputConfig.optional(),
  context_management: contextManagement.nullish(),
  service_tier: z.enum(["auto", "standard_only"]).optional(),
});

export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

export const anthropicCountTokensRequestSchema = z.strictObject({
  model: z.string().min(1),
  messages: z.array(anthropicMessageSchema).min(1),
  system: system.optional(),
  tools: z.array(anthropicToolSchema).optional(),
  tool_choice: anthropicToolChoiceSchema.optional(),
  thinking: thinkingConfig.optional(),
  output_config: outputConfig.optional(),
  context_management: contextManagement.nullish(),
});

export type AnthropicCountTokensRequest = z.infer<typeof anthropicCountTokensRequestSchema>;
