import { describe, expect, it } from "vitest";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { parseOpenAIChatStream } from "../providers/parse-openai-chat-stream.js";
import { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { createRestoreStream } from "./restore.js";

/**
 * The whole return path, fuzzed: an OpenAI-format event stream whose text and tool-call
 * argument deltas split placeholders mid-way (as models do), cut into network reads at every
 * byte position, parsed and restored. The client must always see exactly the original values.
 */
const map = new PseudonymMap({ conversationKey: Buffer.alloc(32, 3) });
const email = map.placeholderFor("EMAIL", "zoë.ørsted@example.dk");
const person = map.placeholderFor("PERSON", 'Zoë "Z" Ørsted');

function event(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
}

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

// Content split inside both placeholders, next to multi-byte characters.
const contentPieces = split(`Écrivez à ${email} — ${person} 🎉 attend.`, [13, 18, 24, 31]);
const argumentsText = `{"to":"${email}","name":"${person}"}`;
const argumentPieces = split(argumentsText, [9, 14, 27, 33]);
const streamText =
  event({ role: "assistant", content: "" }) +
  contentPieces.map((piece) => event({ content: piece })).join("") +
  event({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "send", arguments: "" } }] }) +
  argumentPieces.map((piece) => event({ tool_calls: [{ index: 0, function: { arguments: piece } }] })).join("") +
  event({}, "tool_calls") +
  "data: [DONE]\n\n";
const bytes = new TextEncoder().encode(streamText);

async function restoredParts(reads: Uint8Array[]): Promise<ChatStreamPart[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const read of reads) controller.enqueue(read);
      controller.close();
    },
  });
  const parts: ChatStreamPart[] = [];
  for await (const part of parseOpenAIChatStream(body).pipeThrough(createRestoreStream(map, { restored: 0, unknownPlaceholders: 0 }))) parts.push(part);
  return parts;
}

function summary(parts: ChatStreamPart[]): { text: string; argumentsText: string; finish: string | undefined } {
  let text = "";
  let args = "";
  let finish: string | undefined;
  for (const part of parts) {
    if (part.type === "text-delta") text += part.delta;
    if (part.type === "tool-call-delta") args += part.argumentsDelta;
    if (part.type === "finish") finish = part.finishReason;
  }
  return { text, argumentsText: args, finish };
}

describe("restore over a real event stream", () => {
  const expected = {
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
    const reads = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(summary(await restoredParts(reads))).toEqual(expected);
  });
});
