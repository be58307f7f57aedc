import type { FinishReason, Usage } from "../../shared/chat.js";

/** Builders of the OpenAI Chat Completions response objects the gateway sends. */
export interface ToolCallAccumulator {
  id: string;
  name: string;
  arguments: string;
}

export function usageObject(usage: Usage | undefined): { prompt_tokens: number; completion_tokens: number; total_tokens: number } | undefined {
  if (!usage) return undefined;
  return { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.promptTokens + usage.completionTokens };
}

export function completionObject(input: {
  id: string;
  created: number;
  model: string;
  text: string;
  toolCalls: ToolCallAccumulator[];
  finishReason: FinishReason;
  usage: Usage | undefined;
}): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: input.toolCalls.length > 0 && input.text === "" ? null : input.text, refusal: null };
  if (input.toolCalls.length > 0) {
    message.tool_calls = input.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }));
  }
  return {
    id: input.id,
    object: "chat.completion",
    created: input.created,
    model: input.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: input.finishReason }],
    usage: usageObject(input.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

export function chunkObject(input: { id: string; created: number; model: string }, choice: Record<string, unknown> | undefined, usage?: Usage): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: input.id,
    object: "chat.completion.chunk",
    created: input.created,
    model: input.model,
    choices: choice ? [{ index: 0, logprobs: null, finish_reason: null, ...choice }] : [],
  };
  if (usage) chunk.usage = usageObject(usage);
  return chunk;
}
