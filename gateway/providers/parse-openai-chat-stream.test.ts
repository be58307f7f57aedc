import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../test/fakes/seeded-random.js";
import type { ChatStreamPart } from "./chat-model.js";
import { parseOpenAIChatStream } from "./parse-openai-chat-stream.js";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

function streamOf(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

async function partsOf(pieces: readonly Uint8Array[]): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of parseOpenAIChatStream(streamOf(pieces))) parts.push(part);
  return parts;
}

function textOf(parts: readonly ChatStreamPart[]): string {
  return parts.map((part) => (part.type === "text-delta" ? part.delta : "")).join("");
}

async function expectSameAtEveryBoundary(bytes: Uint8Array, whole: readonly ChatStreamPart[]): Promise<void> {
  // Every two-way split, including the ones inside `data:`, inside CRLF and inside a UTF-8 character.
  for (let position = 0; position <= bytes.length; position += 1) {
    const parts = await partsOf([bytes.subarray(0, position), bytes.subarray(position)]);
    if (JSON.stringify(parts) !== JSON.stringify(whole)) {
      expect({ position, parts }).toEqual({ position, parts: whole });
    }
  }
  expect(await partsOf(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(whole);
  const random = createSeededRandom(7);
  for (let round = 0; round < 50; round += 1) {
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; ) {
      const size = 1 + Math.floor(random() * 40);
      pieces.push(bytes.subarray(offset, offset + size));
      offset += size;
    }
    expect(await partsOf(pieces)).toEqual(whole);
  }
}

describe("parseOpenAIChatStream on recorded-format fixtures", () => {
  it("reads an OpenAI text answer the same way at every byte boundary", async () => {
    const bytes = fixture("openai-chat-stream-text.sse");
    const whole = await partsOf([bytes]);

    expect(whole[0]).toEqual({ type: "response-metadata", modelId: "gpt-4o-mini-2024-07-18" });
    expect(textOf(whole)).toBe("Grüße aus Köln! 👋 Das Wetter: 18 °C, leicht bewölkt.\n\n— Ende.");
    expect(whole.at(-1)).toEqual({ type: "finish", finishReason: "stop", usage: { promptTokens: 23, completionTokens: 18 } });
    expect(whole.filter((part) => part.type === "finish" || part.type === "error")).toHaveLength(1);

    await expectSameAtEveryBoundary(bytes, whole);
  });

  it("reads parallel tool calls with fragmented arguments the same way at every byte boundary", async () => {
    const bytes = fixture("openai-chat-stream-tool-calls.sse");
    const whole = await partsOf([bytes]);

    expect(whole.filter((part) => part.type === "tool-call-start")).toEqual([
      { type: "tool-call-start", index: 0, id: "call_Wq3eR5tY7uI9oP1aS2dF4gH6", name: "get_weather" },
      { type: "tool-call-start", index: 1, id: "call_Zx8cV6bN4mQ2wE0rT9yU7iO5", name: "get_time" },
    ]);
    const argumentsOf = (index: number): string =>
      whole.map((part) => (part.type === "tool-call-delta" && part.index === index ? part.argumentsDelta : "")).join("");
    expect(JSON.parse(argumentsOf(0))).toEqual({ city: "Zürich", unit: "celsius" });
    expect(JSON.parse(argumentsOf(1))).toEqual({ timezone: "Europe/Zurich" });
    expect(whole.filter((part) => part.type === "tool-call-delta").length).toBeGreaterThan(4);
    expect(whole.at(-1)).toEqual({ type: "finish", finishReason: "tool_calls", usage: { promptTokens: 81, completionTokens: 52 } });

    await expectSameAtEveryBoundary(bytes, whole);
  });

  it("reads a compatible server's CRLF stream with comments and multi-line data at every byte boundary", async () => {
    const bytes = fixture("openai-compatible-chat-stream-crlf.sse");
    // Guards the fixture itself: a checkout that rewrote line endings would test nothing.
    expect(Buffer.from(bytes).toString("utf8")).toContain("\r\n");
    const whole = await partsOf([bytes]);

    expect(whole).toEqual([
      { type: "response-metadata", modelId: "qwen2.5-7b-instruct" },
      { type: "text-delta", delta: "Ça" },
      { type: "text-delta", delta: " marche: 日本語" },
      { type: "text-delta", delta: " ✓" },
      { type: "finish", finishReason: "stop", usage: { promptTokens: 9, completionTokens: 4 } },
    ]);

    await expectSameAtEveryBoundary(bytes, whole);
  });
});
