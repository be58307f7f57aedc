/**
 * The answers of the benchmark upstream, in the shape OpenAI's chat-completions API uses.
 * Everything is built as one string, so the upstream can write an answer in a single call.
 */
export interface AnswerRequest {
  model: string;
  /** The last paragraph of the last user message, echoed back. */
  echo: string;
  promptCharacters: number;
  includeUsage: boolean;
}

const preamble = "Here is a short answer from the benchmark upstream. You asked: ";

export function answerText(request: AnswerRequest): string {
  return `${preamble}${request.echo}`;
}

function usage(request: AnswerRequest): Record<string, number> {
  const promptTokens = Math.ceil(request.promptCharacters / 4);
  const completionTokens = Math.ceil(answerText(request).length / 4);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

export function completionJson(request: AnswerRequest, id: string, created: number): string {
  return JSON.stringify({
    id,
    object: "chat.completion",
    created,
    model: request.model,
    choices: [{ index: 0, message: { role: "assistant", content: answerText(request) }, finish_reason: "stop" }],
    usage: usage(request),
  });
}

/**
 * The event-stream answer as separate events: the role, the text in a few equal pieces (cut
 * anywhere, so an echoed value or placeholder is often split across two events, as real
 * providers do), the finish reason, the usage when asked for, and `[DONE]`.
 */
export function completionEvents(request: AnswerRequest, id: string, created: number, pieces = 5): string[] {
  const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`;
  const events = [chunk({ role: "assistant", content: "" }, null)];
  for (const piece of splitIntoPieces(answerText(request), pieces)) events.push(chunk({ content: piece }, null));
  events.push(chunk({}, "stop"));
  if (request.includeUsage) {
    events.push(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [], usage: usage(request) })}\n\n`);
  }
  events.push("data: [DONE]\n\n");
  return events;
}

function splitIntoPieces(text: string, pieces: number): string[] {
  const result: string[] = [];
  for (let index = 0; index < pieces; index += 1) {
    const piece = text.slice(Math.floor((text.length * index) / pieces), Math.floor((text.length * (index + 1)) / pieces));
    if (piece.length > 0) result.push(piece);
  }
  return result;
}
