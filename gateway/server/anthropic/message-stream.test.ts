import { describe, expect, it } from "vitest";
import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseOutcome } from "../chat-response.js";
import { collectAnthropicMessage } from "./message-response.js";
import { anthropicMessageStream } from "./message-stream.js";

const identity = { id: "msg_test", created: 1, fallbackModel: "fallback-model" };

function partsOf(parts: ChatStreamPart[]): ReadableStream<ChatStreamPart> {
  return new ReadableStream<ChatStreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function eventsOf(parts: ChatStreamPart[], onEnd: (outcome: ResponseOutcome) => void = () => {}): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  const text = await new Response(anthropicMessageStream(partsOf(parts), identity, { onEnd, onCancel: () => {} })).text();
  return text
    .split("\n\n")
    .filter((block) => block !== "")
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: (eventLine ?? "").replace(/^event: /, ""), data: JSON.parse((dataLine ?? "").replace(/^data: /, "")) as Record<string, unknown> };
    });
}

const answer: ChatStreamPart[] = [
  { type: "response-metadata", modelId: "claude-x" },
  { type: "text-delta", delta: "Let me " },
  { type: "text-delta", delta: "" },
  { type: "text-delta", delta: "look." },
  { type: "tool-call-start", index: 0, id: "call_1", name: "lookup" },
  { type: "tool-call-delta", index: 0, argumentsDelta: '{"q":' },
  { type: "tool-call-delta", index: 0, argumentsDelta: '"Bern"}' },
  { type: "tool-call-start", index: 1, id: "call_2", name: "time" },
  { type: "tool-call-delta", index: 1, argumentsDelta: "{}" },
  { type: "finish", finishReason: "tool_calls", usage: { promptTokens: 12, completionTokens: 7 } },
];

describe("anthropicMessageStream", () => {
  it("writes Anthropic's event sequence: one block per text run and per tool call", async () => {
    let outcome: ResponseOutcome | undefined;
    const events = await eventsOf(answer, (ended) => (outcome = ended));
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(events.every((event) => event.data.type === event.event)).toBe(true);
    expect(events[0]?.data.message).toMatchObject({ id: "msg_test", role: "assistant", model: "claude-x", content: [], stop_reason: null });
    expect(events[5]?.data).toEqual({ type: "content_block_start", index: 1, content_block: { type: "tool_use", id: "call_1", name: "lookup", input: {} } });
    expect(events[7]?.data).toEqual({ type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: '"Bern"}' } });
    expect(events[12]?.data).toMatchObject({ delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { input_tokens: 12, output_tokens: 7 } });
    expect(outcome).toMatchObject({ status: "completed", model: "claude-x" });
  });

  it("writes thinking as its own blocks, closed by the signature, before the answer", async () => {
    const events = await eventsOf([
      { type: "thinking-delta", delta: "Hmm, " },
      { type: "thinking-delta", delta: "Bern." },
      { type: "thinking-signature", signature: "sig-1" },
      { type: "redacted-thinking", data: "opaque" },
      { type: "text-delta", delta: "Cold." },
      { type: "finish", finishReason: "stop", usage: undefined },
    ]);
    expect(events.slice(1, -2).map((event) => event.data)).toEqual([
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Hmm, " } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Bern." } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig-1" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "redacted_thinking", data: "opaque" } },
      { type: "content_block_stop", index: 1 },
      { type: "content_block_start", index: 2, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 2, delta: { type: "text_delta", text: "Cold." } },
      { type: "content_block_stop", index: 2 },
    ]);
    const { body } = await collectAnthropicMessage(
      partsOf([
        { type: "thinking-delta", delta: "Hmm." },
        { type: "thinking-signature", signature: "sig-1" },
        { type: "text-delta", delta: "Cold." },
        { type: "finish", finishReason: "stop", usage: undefined },
      ]),
      identity,
    );
    expect(body.content).toEqual([
      { type: "thinking", thinking: "Hmm.", signature: "sig-1" },
      { type: "text", text: "Cold." },
    ]);
  });

  it("ends with an error event instead of message_stop when the record cannot be written", async () => {
    const events = await eventsOf(answer, () => {
      throw new GatewayError("audit_unavailable");
    });
    expect(events.at(-1)).toEqual({ event: "error", data: { type: "error", error: { type: "api_error", message: new GatewayError("audit_unavailable").message } } });
    expect(events.some((event) => event.event === "message_stop")).toBe(false);
  });

  it("reports an answer cut short, and a provider error, as error events", async () => {
    const cut = await eventsOf([{ type: "text-delta", delta: "Hel" }]);
    expect(cut.map((event) => event.event)).toEqual(["message_start", "content_block_start", "content_block_delta", "error"]);
    expect(cut[0]?.data.message).toMatchObject({ model: "fallback-model" });
    const failed = await eventsOf([{ type: "error", error: new GatewayError("upstream_timeout") }]);
    expect(failed.at(-1)?.data).toMatchObject({ type: "error", error: { type: "timeout_error" } });
  });
});

describe("collectAnthropicMessage", () => {
  it("collects text and tool_use blocks in order with the stop reason and usage", async () => {
    const { body, outcome } = await collectAnthropicMessage(partsOf(answer), identity);
    expect(body).toEqual({
      id: "msg_test",
      type: "message",
      role: "assistant",
      model: "claude-x",
      content: [
        { type: "text", text: "Let me look." },
        { type: "tool_use", id: "call_1", name: "lookup", input: { q: "Bern" } },
        { type: "tool_use", id: "call_2", name: "time", input: {} },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 7 },
    });
    expect(outcome.status).toBe("completed");
  });

  it("refuses tool input that is not a JSON object, and an answer without its end", async () => {
    await expect(collectAnthropicMessage(partsOf([{ type: "tool-call-start", index: 0, id: "c", name: "f" }, { type: "tool-call-delta", index: 0, argumentsDelta: "[1," }, { type: "finish", finishReason: "tool_calls", usage: undefined }]), identity)).rejects.toMatchObject({ code: "upstream_protocol_error" });
    await expect(collectAnthropicMessage(partsOf([{ type: "text-delta", delta: "x" }]), identity)).rejects.toMatchObject({ code: "upstream_protocol_error" });
  });

  it("keeps a tool block open through interleaved text, and fails a delta for a block already closed", async () => {
    const interleaved: ChatStreamPart[] = [
      { type: "tool-call-start", index: 0, id: "call_1", name: "f" },
      { type: "tool-call-delta", index: 0, argumentsDelta: '{"a":' },
      { type: "text-delta", delta: "meanwhile" },
      { type: "tool-call-delta", index: 0, argumentsDelta: "1}" },
      { type: "finish", finishReason: "tool_calls", usage: undefined },
    ];
    const events = await eventsOf(interleaved);
    expect(events.slice(1, -2).map((event) => [event.event, event.data.index])).toEqual([
      ["content_block_start", 0],
      ["content_block_delta", 0],
      ["content_block_delta", 0],
      ["content_block_stop", 0],
      ["content_block_start", 1],
      ["content_block_delta", 1],
      ["content_block_stop", 1],
    ]);
    const { body } = await collectAnthropicMessage(partsOf(interleaved), identity);
    expect(body.content).toEqual([
      { type: "tool_use", id: "call_1", name: "f", input: { a: 1 } },
      { type: "text", text: "meanwhile" },
    ]);

    const late: ChatStreamPart[] = [
      { type: "tool-call-start", index: 0, id: "call_1", name: "f" },
      { type: "tool-call-start", index: 1, id: "call_2", name: "g" },
      { type: "tool-call-delta", index: 0, argumentsDelta: "{}" },
      { type: "finish", finishReason: "tool_calls", usage: undefined },
    ];
    const outcomes: ResponseOutcome[] = [];
    const failed = await eventsOf(late, (outcome) => outcomes.push(outcome));
    expect(failed.at(-1)?.data).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect(failed.some((event) => event.event === "content_block_delta")).toBe(false);
    expect(outcomes).toMatchObject([{ status: "failed", error: { code: "upstream_protocol_error" } }]);
    await expect(collectAnthropicMessage(partsOf(late), identity)).rejects.toMatchObject({ code: "upstream_protocol_error" });
  });
});
