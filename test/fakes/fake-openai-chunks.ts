/**
 * The chunks a real OpenAI chat-completions endpoint sends, for the fake provider: the same
 * fields, order and nulls as recorded OpenAI traffic, so the adapter is tested against the
 * shape it meets in production rather than a minimal one.
 */
export interface FakeToolCall {
  /** Defaults to `call_fake_<index>`. */
  id?: string;
  name: string;
  /** The full JSON arguments text; the fake splits it over several deltas. */
  arguments: string;
}

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface FakeAnswer {
  model: string;
  text: string;
  toolCalls: FakeToolCall[];
  usage: FakeUsage;
}

const completionId = "chatcmpl-fake0000000000000000000001";
const created = 1_760_000_000;

function chunk(model: string, choices: unknown[], includeUsage: boolean, usage?: FakeUsage): Record<string, unknown> {
  const value: Record<string, unknown> = {
    id: completionId,
    object: "chat.completion.chunk",
    created,
    model,
    service_tier: "default",
    system_fingerprint: "fp_fake",
    choices,
  };
  if (includeUsage) value.usage = usage === undefined ? null : toWireUsage(usage);
  return value;
}

function choice(delta: Record<string, unknown>, finishReason: string | null = null): Record<string, unknown> {
  return { index: 0, delta, logprobs: null, finish_reason: finishReason };
}

function toWireUsage(usage: FakeUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** Word-sized pieces, like tokens; joined they give the text back exactly. */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/gu) ?? [];
}

/** Arguments arrive in small fragments, mid-string and mid-key, as OpenAI sends them. */
export function splitArguments(text: string, pieceLength = 5): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += pieceLength) {
    pieces.push(characters.slice(start, start + pieceLength).join(""));
  }
  return pieces;
}

/** The `data:` payloads of a streamed answer, `[DONE]` included. */
export function streamedAnswerPayloads(answer: FakeAnswer, includeUsage: boolean): string[] {
  const { model } = answer;
  const chunks: Record<string, unknown>[] = [];
  const opening = answer.toolCalls.length > 0 && answer.text === "" ? null : "";
  chunks.push(chunk(model, [choice({ role: "assistant", content: opening, refusal: null })], includeUsage));
  for (const piece of splitIntoPieces(answer.text)) {
    chunks.push(chunk(model, [choice({ content: piece })], includeUsage));
  }
  answer.toolCalls.forEach((toolCall, index) => {
    const start = { index, id: toolCall.id ?? `call_fake_${index}`, type: "function", function: { name: toolCall.name, arguments: "" } };
    chunks.push(chunk(model, [choice({ tool_calls: [start] })], includeUsage));
    for (const piece of splitArguments(toolCall.arguments)) {
      chunks.push(chunk(model, [choice({ tool_calls: [{ index, function: { arguments: piece } }] })], includeUsage));
    }
  });
  const finishReason = answer.toolCalls.length > 0 ? "tool_calls" : "stop";
  chunks.push(chunk(model, [choice({}, finishReason)], includeUsage));
  if (includeUsage) chunks.push(chunk(model, [], true, answer.usage));
  return [...chunks.map((value) => JSON.stringify(value)), "[DONE]"];
}

/** The whole answer in one `chat.completion` object, for `stream: false`. */
export function completionBody(answer: FakeAnswer): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: "assistant",
    content: answer.text === "" && answer.toolCalls.length > 0 ? null : answer.text,
    refusal: null,
    annotations: [],
  };
  if (answer.toolCalls.length > 0) {
    message.tool_calls = answer.toolCalls.map((toolCall, index) => ({
      id: toolCall.id ?? `call_fake_${index}`,
      type: "function",
      function: { name: toolCall.name, arguments: toolCall.arguments },
    }));
  }
  return {
    id: completionId,
    object: "chat.completion",
    created,
    model: answer.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.toolCalls.length > 0 ? "tool_calls" : "stop" }],
    usage: toWireUsage(answer.usage),
    service_tier: "default",
    system_fingerprint: "fp_fake",
  };
}

export function openAIErrorBody(message: string, type: string, code: string | null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}
