import { z } from "zod";

/**
 * The parts of an OpenAI chat-completions stream chunk the adapter reads. Only what we use is
 * declared and everything is nullish: OpenAI-compatible servers (vLLM, llama-server, Together,
 * Ollama) differ in which fields they send, and an absent field must not fail a whole answer.
 * Unknown fields are dropped by the parse, so nothing provider-native travels further.
 */
const toolCallDeltaSchema = z.object({
  // Most servers number tool calls; a few send whole calls without an index (see the transform).
  index: z.number().int().nonnegative().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z
    .object({
      name: z.string().nullish(),
      arguments: z.string().nullish(),
    })
    .nullish(),
});

const choiceSchema = z.object({
  index: z.number().int().nullish(),
  delta: z
    .object({
      content: z.string().nullish(),
      refusal: z.string().nullish(),
      tool_calls: z.array(toolCallDeltaSchema).nullish(),
    })
    .nullish(),
  finish_reason: z.string().nullish(),
});

const usageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
});

export const openAIChunkSchema = z.object({
  model: z.string().nullish(),
  // The usage chunk that `include_usage` adds has `choices: []`; some servers leave it out.
  choices: z.array(choiceSchema).nullish(),
  usage: usageSchema.nullish(),
});

export type OpenAIChunk = z.infer<typeof openAIChunkSchema>;
export type OpenAIToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

/**
 * An error sent inside the stream instead of a chunk. OpenAI uses its error object; some
 * compatible servers send a bare string.
 */
export const openAIStreamErrorSchema = z.object({
  error: z.union([
    z.string(),
    z.object({
      message: z.string().nullish(),
      type: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
    }),
  ]),
});

export type OpenAIStreamError = z.infer<typeof openAIStreamErrorSchema>;
