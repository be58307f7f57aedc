import OpenAI from "openai";
import { Stream } from "openai/streaming";
import type { Response as ApiResponse, ResponseStreamEvent } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../../shared/errors.js";
import { responsesRequestSchema } from "../../../shared/responses-schema.js";
import { createRestoreStream } from "../../pipeline/restore.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import { PseudonymMap } from "../../pseudonym/pseudonym-map.js";
import type { ResponseOutcome } from "../chat-response.js";
import { collectResponse } from "./collect-response.js";
import { responseEcho } from "./response-object.js";
import { sseResponsesStream } from "./responses-event-stream.js";

/**
 * The Responses return path, fuzzed: provider parts whose text and function-call argument
 * deltas split placeholders mid-way, restored, encoded as Responses events, cut into network
 * reads at every byte position and parsed by the official SDK's own stream helper. The client
 * must always see exactly the original values, and the same response as a non-stream client.
 */
const map = new PseudonymMap({ conversationKey: Buffer.alloc(32, 5) });
const email = map.placeholderFor("EMAIL", "zoë.ørsted@example.dk");
const person = map.placeholderFor("PERSON", 'Zoë "Z" Ørsted');
const identity = { id: "req_test", created: 1_700_000_000, fallbackModel: "fallback" };
const echo = responseEcho(responsesRequestSchema.parse({ model: "m", input: "hi", instructions: "Be brief.", metadata: { ticket: "7" } }));

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

const providerParts: ChatStreamPart[] = [
  { type: "response-metadata", modelId: "provider-model" },
  ...split(`Écrivez à ${email} — ${person} 🎉 attend.`, [13, 18, 24, 31]).map((delta): ChatStreamPart => ({ type: "text-delta", delta })),
  { type: "tool-call-start", index: 0, id: "call_1", name: "send" },
  ...split(`{"to":"${email}","name":"${person}"}`, [9, 14, 27, 33]).map((argumentsDelta): ChatStreamPart => ({ type: "tool-call-delta", index: 0, argumentsDelta })),
  { type: "tool-call-start", index: 1, id: "call_2", name: "notify" },
  ...split(`{"who":"${person}"}`, [5, 12, 20]).map((argumentsDelta): ChatStreamPart => ({ type: "tool-call-delta", index: 1, argumentsDelta })),
  { type: "finish", finishReason: "tool_calls", usage: { promptTokens: 12, completionTokens: 34 } },
];

function streamOf<T>(items: readonly T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

function restored(parts: readonly ChatStreamPart[]): ReadableStream<ChatStreamPart> {
  return streamOf(parts).pipeThrough(createRestoreStream(map, { restored: 0, unknownPlaceholders: 0 }));
}

async function encode(parts: readonly ChatStreamPart[], onEnd: (outcome: ResponseOutcome) => void = () => {}): Promise<Uint8Array> {
  const body = sseResponsesStream(restored(parts), identity, { echo, onEnd, onCancel: () => {} });
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** One SDK client for every parse (building one per parse is most of the cost): its fetch answers with `nextReads`. */
let nextReads: Uint8Array[] = [];
const client = new OpenAI({
  apiKey: "unused",
  baseURL: "http://127.0.0.1:9/v1",
  maxRetries: 0,
  fetch: async () => new Response(streamOf(nextReads), { status: 200, headers: { "content-type": "text/event-stream" } }),
});

function sdkClient(reads: Uint8Array[]): OpenAI {
  nextReads = reads;
  return client;
}

/** The official SDK's `responses.stream()` helper over the given network reads. */
async function parseWithSdk(reads: Uint8Array[]): Promise<{ events: ResponseStreamEvent[]; final: ApiResponse }> {
  const stream = sdkClient(reads).responses.stream({ model: "m", input: "hi" });
  const events: ResponseStreamEvent[] = [];
  stream.on("event", (event) => events.push(event));
  const final = await stream.finalResponse();
  return { events, final };
}

/** The events as the SDK's SSE decoder reads them from the given network reads. */
async function sseEvents(reads: Uint8Array[]): Promise<unknown[]> {
  const events: unknown[] = [];
  const response = new Response(streamOf(reads), { headers: { "content-type": "text/event-stream" } });
  for await (const event of Stream.fromSSEResponse<unknown>(response, new AbortController())) events.push(event);
  return events;
}

/** The raw events, as `responses.create({ stream: true })` yields them. */
async function eventsWithSdk(reads: Uint8Array[]): Promise<ResponseStreamEvent[]> {
  const events: ResponseStreamEvent[] = [];
  for await (const event of await sdkClient(reads).responses.create({ model: "m", input: "hi", stream: true })) events.push(event);
  return events;
}

function summary(final: ApiResponse): { text: string; calls: unknown[]; status: string | undefined; model: string } {
  return {
    text: final.output_text,
    calls: final.output.flatMap((item) => (item.type === "function_call" ? [{ id: item.call_id, name: item.name, arguments: JSON.parse(item.arguments) as unknown }] : [])),
    status: final.status,
    model: final.model,
  };
}

const expected = {
  text: 'Écrivez à zoë.ørsted@example.dk — Zoë "Z" Ørsted 🎉 attend.',
  calls: [
    { id: "call_1", name: "send", arguments: { to: "zoë.ørsted@example.dk", name: 'Zoë "Z" Ørsted' } },
    { id: "call_2", name: "notify", arguments: { who: 'Zoë "Z" Ørsted' } },
  ],
  status: "completed",
  model: "provider-model",
};

describe("Responses events over SSE", () => {
  it("restores and parses exactly whatever byte the network splits at", async () => {
    const bytes = await encode(providerParts);
    const whole = JSON.stringify(await sseEvents([bytes]));
    expect(whole).toContain("zoë.ørsted@example.dk");
    // Every split goes through the SDK's own SSE decoder; the events must not change.
    const differing: number[] = [];
    for (let position = 0; position <= bytes.length; position++) {
      if (JSON.stringify(await sseEvents([bytes.slice(0, position), bytes.slice(position)])) !== whole) differing.push(position);
    }
    expect(differing).toEqual([]);
    // The stream helper assembles those events into the restored answer, whole or byte by byte.
    expect(summary((await parseWithSdk([bytes])).final)).toEqual(expected);
    expect(summary((await parseWithSdk(Array.from(bytes, (byte) => Uint8Array.of(byte)))).final)).toEqual(expected);
  });

  it("numbers every event, restores inside argument deltas, and ends as the non-stream answer does", async () => {
    const { events, final } = await parseWithSdk([await encode(providerParts)]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events.map((event) => event.type).slice(0, 2)).toEqual(["response.created", "response.in_progress"]);
    const deltas = events.flatMap((event) => (event.type === "response.function_call_arguments.delta" && event.output_index === 1 ? [event.delta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(JSON.parse(deltas.join(""))).toEqual(expected.calls[0]?.arguments);
    expect(JSON.stringify(events)).not.toContain("[EMAIL_");
    expect(JSON.stringify(events)).not.toContain("[PERSON_");

    const { body } = await collectResponse(restored(providerParts), identity, echo);
    const completed = events.at(-1);
    if (completed?.type !== "response.completed") throw new Error(`expected response.completed, got ${completed?.type}`);
    expect(completed.response).toEqual(body);
    expect(body).toMatchObject({ id: "resp_req_test", instructions: "Be brief.", metadata: { ticket: "7" }, usage: { input_tokens: 12, output_tokens: 34, total_tokens: 46 } });
    expect(final.output.map((item) => item.type)).toEqual(["message", "function_call", "function_call"]);
  });

  it("records the end before the client can see it, and withholds the end when the record fails", async () => {
    const recorded: ResponseOutcome[] = [];
    const bytes = await encode(providerParts, (outcome) => recorded.push(outcome));
    expect(recorded).toMatchObject([{ status: "completed", model: "provider-model", usage: { promptTokens: 12, completionTokens: 34 } }]);
    expect(new TextDecoder().decode(bytes)).toContain("event: response.completed");

    const refusedBytes = await encode(providerParts, () => {
      throw new GatewayError("audit_unavailable");
    });
    const refusedEvents = await eventsWithSdk([refusedBytes]);
    const types = refusedEvents.map((event) => event.type);
    expect(types.slice(-2)).toEqual(["error", "response.failed"]);
    expect(types).not.toContain("response.completed");
    // The function calls never close: a client cannot act on a call the trail does not hold.
    expect(types).not.toContain("response.function_call_arguments.done");
    expect(refusedEvents.filter((event) => event.type === "response.output_item.done").map((event) => event.type === "response.output_item.done" && event.item.type)).toEqual(["message"]);
    // The SDK's stream helper turns the error event into a rejection, as it does for OpenAI's own.
    await expect(parseWithSdk([refusedBytes])).rejects.toThrow(/request log cannot be written/);
  });

  it("ends a failed or cut answer with error and response.failed", async () => {
    const recorded: ResponseOutcome[] = [];
    const failingBytes = await encode([{ type: "text-delta", delta: "partial " }, { type: "error", error: new GatewayError("upstream_timeout") }], (outcome) => recorded.push(outcome));
    const failing = await eventsWithSdk([failingBytes]);
    expect(failing.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "error",
      "response.failed",
    ]);
    expect(failing.at(-2)).toMatchObject({ type: "error", code: "upstream_timeout" });
    expect(failing.at(-1)).toMatchObject({ response: { status: "failed", error: { code: "upstream_timeout" } } });
    expect(recorded).toMatchObject([{ status: "failed", error: { code: "upstream_timeout" } }]);
    await expect(parseWithSdk([failingBytes])).rejects.toThrow(/did not answer in time/);

    const cut = await eventsWithSdk([await encode([{ type: "text-delta", delta: "no finish" }])]);
    expect(cut.at(-1)).toMatchObject({ type: "response.failed", response: { error: { code: "upstream_protocol_error" } } });
    await expect(collectResponse(restored([{ type: "text-delta", delta: "no finish" }]), identity, echo)).rejects.toMatchObject({ code: "upstream_protocol_error" });
  });

  it("ends an answer cut short by the token limit as incomplete", async () => {
    const { events, final } = await parseWithSdk([await encode([{ type: "text-delta", delta: "Once upon" }, { type: "finish", finishReason: "length", usage: undefined }])]);
    expect(events.at(-1)?.type).toBe("response.incomplete");
    expect(final).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, output_text: "Once upon" });
    expect(final.output[0]).toMatchObject({ type: "message", status: "incomplete" });
  });

  it("reads past parts that have no Responses event instead of stalling", async () => {
    const recorded: ResponseOutcome[] = [];
    // Not restored: these parts must reach the encoder as they are, nothing merged or dropped.
    const parts: ChatStreamPart[] = [
      { type: "response-metadata", modelId: "provider-model" },
      { type: "thinking-delta", delta: "hidden reasoning" },
      { type: "text-delta", delta: "" },
      { type: "response-metadata", modelId: "provider-model" },
      { type: "thinking-signature", signature: "sig" },
      { type: "text-delta", delta: "hello" },
      { type: "finish", finishReason: "stop", usage: { promptTokens: 1, completionTokens: 1 } },
    ];
    const body = sseResponsesStream(streamOf(parts), identity, { echo, onEnd: (outcome) => recorded.push(outcome), onCancel: () => {} });
    const text = await new Response(body).text();
    expect(text).toContain('"delta":"hello"');
    expect(text).not.toContain("hidden reasoning");
    expect(text).toContain("event: response.completed");
    expect(recorded.map((outcome) => outcome.status)).toEqual(["completed"]);
  });
});
