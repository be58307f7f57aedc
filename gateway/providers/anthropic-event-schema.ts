import { z } from "zod";

/**
 * The parts of Anthropic Messages stream events the adapter reads. Only what we use is declared;
 * unknown fields are dropped by the parse and unknown event or block types are skipped by the
 * transform, so a new server-side feature cannot fail an answer, and nothing provider-native
 * travels further.
 */
const usageSchema = z.object({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
});

export const anthropicMessageStartSchema = z.object({
  type: z.literal("message_start"),
  message: z.object({ model: z.string().nullish(), usage: usageSchema.nullish() }),
});

export const anthropicBlockStartSchema = z.object({
  type: z.literal("content_block_start"),
  index: z.number().int().nonnegative(),
  content_block: z.object({
    type: z.string(),
    text: z.string().nullish(),
    thinking: z.string().nullish(),
    data: z.string().nullish(),
    id: z.string().nullish(),
    name: z.string().nullish(),
    input: z.unknown().optional(),
  }),
});

export const anthropicBlockDeltaSchema = z.object({
  type: z.literal("content_block_delta"),
  index: z.number().int().nonnegative(),
  delta: z.object({
    type: z.string(),
    text: z.string().nullish(),
    partial_json: z.string().nullish(),
    thinking: z.string().nullish(),
    signature: z.string().nullish(),
  }),
});

export const anthropicBlockStopSchema = z.object({
  type: z.literal("content_block_stop"),
  index: z.number().int().nonnegative(),
});

export const anthropicMessageDeltaSchema = z.object({
  type: z.literal("message_delta"),
  delta: z.object({ stop_reason: z.string().nullish() }).nullish(),
  usage: usageSchema.nullish(),
});

export type AnthropicUsage = z.infer<typeof usageSchema>;
