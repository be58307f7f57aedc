import { describe, expect, it } from "vitest";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { parseAnthropicStream } from "../providers/parse-anthropic-stream.js";
import { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { createRestoreStream } from "./restore.js";

/**
 * The return path from an Anthropic provider, fuzzed: an event stream built to Anthropic's
 * documented shape whose `thinking_delta`, `text_delta` and `input_json_delta` fragments split
 * placeholders mid-way,
 * with pings between them, cut into network reads at every byte position, parsed and restored.
 * The client must always see exactly the original values.
 */
const map = new PseudonymMap({ conversationKey: Buffer.alloc(32, 5) });
const email = map.placeholderFor("EMAIL", "zoë.ørsted@example.dk");
const person = map.placeholderFor("PERSON", 'Zoë "Z" Ørsted');

const event = (data: Record<string, unknown>): string => `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;

function split(text: string, cuts: number[]): string[] {
  const pieces: string[] = [];
  let previous = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(previous, cut));
    previous = cut;
  }
  pieces.push(text.slice(previous));
  return pieces;
}

const thinkingPieces = split(`Der Nutzer meint ${person}.`, [20, 26]);
const contentPieces = split(`Écrivez à ${email} — ${person} 🎉 attend.`, [13, 18, 24, 31]);
const argumentPieces = split(`{"to":"${email}","name":"${person}"}`, [9, 14, 27, 33]);
const streamText =
  event({ type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", model: "claude-x", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1 } } }) +
  event({ type: "ping" }) +
  event({ type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } }) +
  thinkingPieces.map((thinking) => event({ type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking } })).join("") +
  event({ type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "EqQBCgIYAhIM" } }) +
  event({ type: "content_block_stop", index: 0 }) +
  event({ type: "content_block_start", index: 1, content_block: { type: "text", text: "" } }) +
  contentPieces.map((text, position) => event({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text } }) + (position === 2 ? event({ type: "ping" }) : "")).join("") +
  event({ type: "content_block_stop", index: 1 }) +
  event({ type: "content_block_start", index: 2, content_block: { type: "tool_use", id: "toolu_1", name: "send", input: {} } }) +
  argumentPieces.map((partial_json) => event({ type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json } })).join("") +
  event({ type: "content_block_stop", index: 2 }) +
  event({ type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 30 } }) +
  event({ type: "message_stop" });
const bytes = new TextEncoder().encode(streamText);

async function restoredParts(reads: Uint8Array[]): Promise<ChatStreamPart[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const read of reads) controller.enqueue(read);
      controller.close();
    },
  });
  const parts: ChatStreamPart[] = [];
  for await (const part of parseAnthropicStream(body, { passThinking: true }).pipeThrough(createRestoreStream(map, { restored: 0, unknownPlaceholders: 0 }))) parts.push(part);
  return parts;
}

function summary(parts: ChatStreamPart[]): { thinking: string; text: string; argumentsText: string; finish: string | undefined } {
  let thinking = "";
  let text = "";
  let argumentsText = "";
  let finish: string | undefined;
  for (const part of parts) {
    if (part.type === "thinking-delta") thinking += part.delta;
    if (part.type === "text-delta") text += part.delta;
    if (part.type === "tool-call-delta") argumentsText += part.argumentsDelta;
    if (part.type === "finish") finish = part.finishReason;
  }
  return { thinking, text, argumentsText, finish };
}

describe("restore over an Anthropic event stream", () => {
  const expected = {
    thinking: 'Der Nutzer meint Zoë "Z" Ørsted.',
    text: 'Écrivez à zoë.ørsted@example.dk — Zoë "Z" Ørsted 🎉 attend.',
    argumentsText: JSON.stringify({ to: "zoë.ørsted@example.dk", name: 'Zoë "Z" Ørsted' }),
    finish: "tool_calls",
  };

  it("restores exactly whatever byte the network splits at", async () => {
    for (let position = 0; position <= bytes.length; position++) {
      const result = summary(await restoredParts([bytes.slice(0, position), bytes.slice(position)]));
      expect(result, `split at byte ${position}`).toEqual(expected);
    }
  });

  it("restores exactly when every byte arrives alone", async () => {
    expect(summary(await restoredParts(Array.from(bytes, (byte) => Uint8Array.of(byte))))).toEqual(expected);
  });
});
