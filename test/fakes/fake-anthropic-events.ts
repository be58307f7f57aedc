import { splitArguments, splitIntoPieces, type FakeToolCall, type FakeUsage } from "./fake-openai-chunks.js";

/**
 * The events a real Anthropic Messages endpoint streams, for the fake provider: the same event
 * names, fields, order and nulls as Anthropic documents (message_start, a ping, one
 * content_block_start/delta…/stop per block, message_delta with the stop reason and usage,
 * message_stop), so the adapter is tested against the shape it meets in production.
 */
export interface FakeAnthropicAnswer {
  model: string;
  /** Thinking text sent first, as a thinking block with a signature (as with extended thinking). */
  thinking?: string;
  text: string;
  toolCalls: FakeToolCall[];
  usage: FakeUsage;
  /** Defaults to `tool_use` with tool calls, else `end_turn`. */
  stopReason?: string;
}

export interface FakeAnthropicEvent {
  event: string;
  data: Record<string, unknown>;
}

export const fakeMessageId = "msg_fake01XFDUDzJgXx5Bce7kZQ";

function wireUsage(usage: FakeUsage, outputTokens: number): Record<string, unknown> {
  return {
    input_tokens: usage.promptTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

function stopReasonOf(answer: FakeAnthropicAnswer): string {
  return answer.stopReason ?? (answer.toolCalls.length > 0 ? "tool_use" : "end_turn");
}

/** The events of a streamed answer, in order. */
export function streamedAnthropicEvents(answer: FakeAnthropicAnswer): FakeAnthropicEvent[] {
  const events: FakeAnthropicEvent[] = [];
  const add = (event: string, data: Record<string, unknown>): void => void events.push({ event, data: { type: event, ...data } });
  add("message_start", {
    message: {
      id: fakeMessageId,
      type: "message",
      role: "assistant",
      model: answer.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: wireUsage(answer.usage, 1),
    },
  });
  add("ping", {});
  let index = 0;
  if (answer.thinking !== undefined) {
    add("content_block_start", { index, content_block: { type: "thinking", thinking: "", signature: "" } });
    for (const piece of splitIntoPieces(answer.thinking)) add("content_block_delta", { index, delta: { type: "thinking_delta", thinking: piece } });
    add("content_block_delta", { index, delta: { type: "signature_delta", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" } });
    add("content_block_stop", { index });
    index += 1;
  }
  if (answer.text !== "" || answer.toolCalls.length === 0) {
    add("content_block_start", { index, content_block: { type: "text", text: "" } });
    splitIntoPieces(answer.text).forEach((piece, position) => {
      add("content_block_delta", { index, delta: { type: "text_delta", text: piece } });
      // Anthropic sends pings whenever it likes, mid-block included.
      if (position === 1) add("ping", {});
    });
    add("content_block_stop", { index });
    index += 1;
  }
  answer.toolCalls.forEach((toolCall, position) => {
    add("content_block_start", { index, content_block: { type: "tool_use", id: toolCall.id ?? `toolu_fake${position}`, name: toolCall.name, input: {} } });
    // Anthropic sends an empty partial_json first, then fragments cut anywhere, mid-token included.
    add("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: "" } });
    for (const piece of splitArguments(toolCall.arguments, 4)) add("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: piece } });
    add("content_block_stop", { index });
    index += 1;
  });
  add("message_delta", {
    delta: { stop_reason: stopReasonOf(answer), stop_sequence: null },
    usage: { output_tokens: answer.usage.completionTokens },
  });
  add("message_stop", {});
  return events;
}

export function toSse(event: FakeAnthropicEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** The whole answer as one Message object, for `stream: false`. */
export function anthropicMessageBody(answer: FakeAnthropicAnswer): Record<string, unknown> {
  const content: Record<string, unknown>[] = [];
  if (answer.thinking !== undefined) content.push({ type: "thinking", thinking: answer.thinking, signature: "EqQBCgIYAhIM" });
  if (answer.text !== "") content.push({ type: "text", text: answer.text });
  answer.toolCalls.forEach((toolCall, position) => {
    content.push({ type: "tool_use", id: toolCall.id ?? `toolu_fake${position}`, name: toolCall.name, input: JSON.parse(toolCall.arguments) as unknown });
  });
  return {
    id: fakeMessageId,
    type: "message",
    role: "assistant",
    model: answer.model,
    content,
    stop_reason: stopReasonOf(answer),
    stop_sequence: null,
    usage: wireUsage(answer.usage, answer.usage.completionTokens),
  };
}

/** Anthropic's error body: `{"type":"error","error":{"type","message"},"request_id"}`. */
export function anthropicErrorBody(type: string, message: string): Record<string, unknown> {
  return { type: "error", error: { type, message }, request_id: "req_fake011CSHoEeqs5C35K2UUqR7Fy" };
}
