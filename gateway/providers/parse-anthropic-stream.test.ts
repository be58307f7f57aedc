import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../test/fakes/seeded-random.js";
import type { ChatStreamPart } from "./chat-model.js";
import { parseAnthropicStream } from "./parse-anthropic-stream.js";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

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
  for await (const part of parseAnthropicStream(streamOf(pieces))) parts.push(part);
  return parts;
}

const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.delta : "")).join("");
const argumentsOf = (parts: readonly ChatStreamPart[], index: number): string =>
  parts.map((part) => (part.type === "tool-call-delta" && part.index === index ? part.argumentsDelta : "")).join("");

async function expectSameAtEveryBoundary(bytes: Uint8Array, whole: readonly ChatStreamPart[]): Promise<void> {
  // Every two-way split: inside `event:` and `data:` lines, between them, inside UTF-8 characters.
  for (let position = 0; position <= bytes.length; position += 1) {
    const parts = await partsOf([bytes.subarray(0, position), bytes.subarray(position)]);
    if (JSON.stringify(parts) !== JSON.stringify(whole)) expect({ position, parts }).toEqual({ position, parts: whole });
  }
  expect(await partsOf(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(whole);
  const random = createSeededRandom(11);
  for (let round = 0; round < 30; round += 1) {
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; ) {
      const size = 1 + Math.floor(random() * 40);
      pieces.push(bytes.subarray(offset, offset + size));
      offset += size;
    }
    expect(await partsOf(pieces)).toEqual(whole);
  }
}

describe("parseAnthropicStream on fixtures built to Anthropic's documented stream", () => {
  it("reads text over several blocks with pings and multi-byte characters, at every byte boundary", async () => {
    const bytes = fixture("anthropic-messages-stream-text.sse");
    const whole = await partsOf([bytes]);

    expect(whole[0]).toEqual({ type: "response-metadata", modelId: "claude-sonnet-4-5-20250929" });
    expect(textOf(whole)).toBe("Grüß Gott 👋 — naïve 日本語 text. Second block.");
    // Cached input is input too; message_delta's output count replaces message_start's.
    expect(whole.at(-1)).toEqual({ type: "finish", finishReason: "stop", usage: { promptTokens: 35, completionTokens: 15 } });
    expect(whole.filter((part) => part.type === "finish" || part.type === "error")).toHaveLength(1);

    await expectSameAtEveryBoundary(bytes, whole);
  });

  it("reads tool_use blocks with input split mid-token, skipping thinking, at every byte boundary", async () => {
    const bytes = fixture("anthropic-messages-stream-tool-use.sse");
    const whole = await partsOf([bytes]);

    expect(textOf(whole)).toBe("Okay, let's check the weather for Zürich:");
    expect(JSON.stringify(whole)).not.toContain("The user wants the weather");
    expect(whole.filter((part) => part.type === "tool-call-start")).toEqual([
      { type: "tool-call-start", index: 0, id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather" },
      { type: "tool-call-start", index: 1, id: "toolu_01NoArgs9kPq2", name: "get_time" },
    ]);
    expect(JSON.parse(argumentsOf(whole, 0))).toEqual({ location: "Zürich, CH", unit: "celsius" });
    // A tool without input still gets a JSON object as its arguments.
    expect(argumentsOf(whole, 1)).toBe("{}");
    expect(whole.at(-1)).toEqual({ type: "finish", finishReason: "tool_calls", usage: { promptTokens: 472, completionTokens: 89 } });

    await expectSameAtEveryBoundary(bytes, whole);
  });

  it("passes thinking and its signature on only when the call asked for thinking", async () => {
    const bytes = fixture("anthropic-messages-stream-tool-use.sse");
    const parts: ChatStreamPart[] = [];
    for await (const part of parseAnthropicStream(streamOf([bytes]), { passThinking: true })) parts.push(part);
    expect(parts.slice(1, 3)).toEqual([
      { type: "thinking-delta", delta: "The user wants the weather." },
      { type: "thinking-signature", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" },
    ]);
    expect(textOf(parts)).toBe("Okay, let's check the weather for Zürich:");
    const without = await partsOf([bytes]);
    expect(without.some((part) => part.type.startsWith("thinking"))).toBe(false);
  });

  it("turns an error event mid-stream into an error part with the provider's words, at every byte boundary", async () => {
    const bytes = fixture("anthropic-messages-stream-error.sse");
    const whole = await partsOf([bytes]);

    expect(textOf(whole)).toBe("Partial ans");
    const last = whole.at(-1);
    expect(last?.type).toBe("error");
    if (last?.type === "error") {
      expect(last.error.code).toBe("upstream_error");
      expect(last.error.message).toContain("Overloaded");
    }
    await expectSameAtEveryBoundary(bytes, whole);
  });

  it("maps every documented stop reason", async () => {
    const expected: Record<string, string> = {
      end_turn: "stop",
      stop_sequence: "stop",
      max_tokens: "length",
      tool_use: "tool_calls",
      refusal: "content_filter",
      pause_turn: "stop",
      model_context_window_exceeded: "length",
    };
    for (const [stopReason, finishReason] of Object.entries(expected)) {
      const text =
        'event: message_start\ndata: {"type":"message_start","message":{"model":"m","usage":{"input_tokens":1,"output_tokens":1}}}\n\n' +
        `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"${stopReason}","stop_sequence":null},"usage":{"output_tokens":2}}\n\n` +
        'event: message_stop\ndata: {"type":"message_stop"}\n\n';
      const parts = await partsOf([encode(text)]);
      expect(parts.at(-1), stopReason).toMatchObject({ type: "finish", finishReason });
    }
  });

  it("reports a stream cut off before its end, and one in an unexpected shape", async () => {
    const cut = await partsOf([encode('event: message_start\ndata: {"type":"message_start","message":{"model":"m"}}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel')]);
    expect(cut.at(-1)).toMatchObject({ type: "error", error: { code: "upstream_protocol_error" } });
    const odd = await partsOf([encode('event: content_block_delta\ndata: {"type":"content_block_delta","index":"zero"}\n\n')]);
    expect(odd.at(-1)).toMatchObject({ type: "error", error: { code: "upstream_protocol_error" } });
    const stray = await partsOf([encode('event: content_block_delta\ndata: {"type":"content_block_delta","index":4,"delta":{"type":"input_json_delta","partial_json":"{}"}}\n\n')]);
    expect(stray.at(-1)).toMatchObject({ type: "error", error: { code: "upstream_protocol_error" } });
  });
});
