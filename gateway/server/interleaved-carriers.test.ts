import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { responsesRequestSchema } from "../../shared/responses-schema.js";
import { createRestoreStream } from "../pipeline/restore.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { anthropicMessageStream } from "./anthropic/message-stream.js";
import { sseCompletionStream } from "./chat-response.js";
import { responseEcho } from "./responses/response-object.js";
import { sseResponsesStream } from "./responses/responses-event-stream.js";

/**
 * A provider that interleaves carriers: a tool call's arguments split a placeholder and end on a
 * held-back `[`, then text arrives (itself splitting a placeholder), then the rest of the tool
 * call. Restored and encoded by each edge's encoder, cut into network reads at every byte and
 * parsed by the official SDKs, the client must see exactly the original values, and the
 * Anthropic stream must never write into a block it already closed.
 */
const map = new PseudonymMap({ conversationKey: Buffer.alloc(32, 9) });
const email = map.placeholderFor("EMAIL", "zoë.ørsted@example.dk");
const person = map.placeholderFor("PERSON", 'Zoë "Z" Ørsted');
const identity = { id: "req_interleaved", created: 1_700_000_000, fallbackModel: "fallback" };

const providerParts: ChatStreamPart[] = [
  { type: "response-metadata", modelId: "provider-model" },
  { type: "tool-call-start", index: 0, id: "call_1", name: "send" },
  { type: "tool-call-delta", index: 0, argumentsDelta: `{"to":"${email.slice(0, 4)}` },
  { type: "response-metadata", modelId: "provider-model" },
  { type: "tool-call-delta", index: 0, argumentsDelta: `${email.slice(4)}","tag":"[` },
  { type: "text-delta", delta: `Für ${person.slice(0, 5)}` },
  { type: "text-delta", delta: `${person.slice(5)} 🎉` },
  { type: "tool-call-delta", index: 0, argumentsDelta: `x]"}` },
  { type: "finish", finishReason: "tool_calls", usage: { promptTokens: 3, completionTokens: 4 } },
];
const expectedText = 'Für Zoë "Z" Ørsted 🎉';
const expectedArguments = { to: "zoë.ørsted@example.dk", tag: "[x]" };

function streamOf<T>(items: readonly T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

function restored(): ReadableStream<ChatStreamPart> {
  return streamOf(providerParts).pipeThrough(createRestoreStream(map, { restored: 0, unknownPlaceholders: 0 }));
}

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

const callbacks = { onEnd: () => {}, onCancel: () => {} };
let nextReads: Uint8Array[] = [];
const answer = async (): Promise<Response> => new Response(streamOf(nextReads), { status: 200, headers: { "content-type": "text/event-stream" } });
const openAI = new OpenAI({ apiKey: "unused", baseURL: "http://127.0.0.1:9/v1", maxRetries: 0, fetch: answer });
const anthropic = new Anthropic({ apiKey: "unused", baseURL: "http://127.0.0.1:9", maxRetries: 0, fetch: answer });

/** Every way the network can cut the bytes in two, parsed by `parse`. */
async function everySplit<T>(bytes: Uint8Array, parse: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let position = 0; position <= bytes.length; position++) {
    nextReads = [bytes.slice(0, position), bytes.slice(position)];
    results.push(await parse());
  }
  return results;
}

/** Fails when a block is written to after its stop, or a stop closes a block that is not open. */
function assertBlocksWellFormed(bytes: Uint8Array): void {
  const events = new TextDecoder()
    .decode(bytes)
    .split("\n\n")
    .filter((block) => block.startsWith("event: content_block"))
    .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { type: string; index: number });
  let open: number | undefined;
  for (const event of events) {
    if (event.type === "content_block_start") {
      expect(open, "a block starts while another is open").toBeUndefined();
      open = event.index;
    } else {
      expect(event.index, `${event.type} for a block that is not open`).toBe(open);
      if (event.type === "content_block_stop") open = undefined;
    }
  }
}

describe("interleaved carriers through each encoder", () => {
  it("OpenAI chat completions: exact text and arguments at every split", async () => {
    const bytes = await bytesOf(sseCompletionStream(restored(), identity, { includeUsage: false, ...callbacks }));
    const results = await everySplit(bytes, async () => {
      const completion = await openAI.chat.completions.stream({ model: "m", messages: [{ role: "user", content: "hi" }] }).finalChatCompletion();
      const message = completion.choices[0]?.message;
      const call = message?.tool_calls?.[0];
      return { text: message?.content, arguments: call?.type === "function" ? (JSON.parse(call.function.arguments) as unknown) : undefined };
    });
    for (const result of results) expect(result).toEqual({ text: expectedText, arguments: expectedArguments });
  });

  it("Anthropic messages: well-formed blocks and exact values at every split", async () => {
    const bytes = await bytesOf(anthropicMessageStream(restored(), identity, callbacks));
    assertBlocksWellFormed(bytes);
    const results = await everySplit(bytes, async () => {
      const message = await anthropic.messages.stream({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).finalMessage();
      return message.content.map((block) => (block.type === "text" ? block.text : block.type === "tool_use" ? block.input : block.type));
    });
    // The tool block stays open until the answer ends; the text that interleaved follows it.
    for (const result of results) expect(result).toEqual([expectedArguments, expectedText]);
  });

  it("OpenAI Responses: exact text and arguments at every split", async () => {
    const echo = responseEcho(responsesRequestSchema.parse({ model: "m", input: "hi" }));
    const bytes = await bytesOf(sseResponsesStream(restored(), identity, { echo, ...callbacks }));
    const results = await everySplit(bytes, async () => {
      const final = await openAI.responses.stream({ model: "m", input: "hi" }).finalResponse();
      const call = final.output.find((item) => item.type === "function_call");
      return { text: final.output_text, arguments: call?.type === "function_call" ? (JSON.parse(call.arguments) as unknown) : undefined };
    });
    for (const result of results) expect(result).toEqual({ text: expectedText, arguments: expectedArguments });
  });

  it("releases a tool call's held tail before the text that follows it", async () => {
    const order: string[] = [];
    for await (const part of restored()) if (part.type === "tool-call-delta" || part.type === "text-delta") order.push(part.type);
    // The `[` held at the end of the second tool delta goes out before the text, not after it.
    expect(order.slice(0, 3)).toEqual(["tool-call-delta", "tool-call-delta", "tool-call-delta"]);
    expect(order[3]).toBe("text-delta");
  });
});
