import { describe, expect, it } from "vitest";
import { GatewayError } from "../../shared/errors.js";
import type { ChatStreamPart } from "./chat-model.js";
import { parseOpenAIChatStream } from "./parse-openai-chat-stream.js";

async function partsOf(text: string): Promise<ChatStreamPart[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const parts: ChatStreamPart[] = [];
  for await (const part of parseOpenAIChatStream(body)) parts.push(part);
  return parts;
}

const event = (value: unknown): string => `data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`;
const delta = (value: Record<string, unknown>, finishReason: string | null = null, index = 0): unknown => ({
  model: "m",
  choices: [{ index, delta: value, finish_reason: finishReason }],
});

function errorOf(part: ChatStreamPart | undefined): GatewayError {
  if (part?.type !== "error") throw new Error(`expected an error part, got ${JSON.stringify(part)}`);
  expect(part.error).toBeInstanceOf(GatewayError);
  return part.error;
}

describe("the OpenAI chunk transform", () => {
  it("holds finish back until the usage chunk that follows the finish reason", async () => {
    const parts = await partsOf(
      event(delta({ content: "Hi" }, "stop")) + event({ model: "m", choices: [], usage: { prompt_tokens: 3, completion_tokens: 1 } }) + event("[DONE]"),
    );
    expect(parts).toEqual([
      { type: "response-metadata", modelId: "m" },
      { type: "text-delta", delta: "Hi" },
      { type: "finish", finishReason: "stop", usage: { promptTokens: 3, completionTokens: 1 } },
    ]);
  });

  it("finishes without usage when the server sends none, and without [DONE] when it has a finish reason", async () => {
    expect(await partsOf(event(delta({ content: "Hi" })) + event(delta({}, "length")))).toEqual([
      { type: "response-metadata", modelId: "m" },
      { type: "text-delta", delta: "Hi" },
      { type: "finish", finishReason: "length", usage: undefined },
    ]);
  });

  it("reports a stream that ends with neither [DONE] nor a finish reason as cut off", async () => {
    const parts = await partsOf(event(delta({ content: "Hel" })) + 'data: {"model":"m","choi');
    expect(parts.slice(0, 2)).toEqual([
      { type: "response-metadata", modelId: "m" },
      { type: "text-delta", delta: "Hel" },
    ]);
    const error = errorOf(parts[2]);
    expect(error.code).toBe("upstream_protocol_error");
    expect(error.message).toMatch(/cut the stream off/);
    expect(parts).toHaveLength(3);
  });

  it("stops at a chunk that is not JSON and emits nothing after it", async () => {
    const parts = await partsOf(event(delta({ content: "a" })) + event("{not json") + event(delta({ content: "b" }, "stop")) + event("[DONE]"));
    expect(parts.map((part) => part.type)).toEqual(["response-metadata", "text-delta", "error"]);
    expect(errorOf(parts[2]).message).toMatch(/not valid JSON/);
  });

  it("stops at a chunk whose shape is wrong", async () => {
    const parts = await partsOf(event({ model: "m", choices: "nope" }));
    expect(errorOf(parts[0]).code).toBe("upstream_protocol_error");
  });

  it("passes on the provider's own words for an error sent inside the stream", async () => {
    const parts = await partsOf(
      event(delta({ content: "a" })) + event({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } }),
    );
    const error = errorOf(parts[2]);
    expect(error.code).toBe("upstream_error");
    expect(error.message).toContain("The server had an error while processing your request.");
  });

  it("reads a chunk with `error: null` as an ordinary chunk", async () => {
    const parts = await partsOf(event({ ...(delta({ content: "ok" }, "stop") as object), error: null }) + event("[DONE]"));
    expect(parts.map((part) => part.type)).toEqual(["response-metadata", "text-delta", "finish"]);
  });

  it("treats a named error event as an error even when its data is not JSON", async () => {
    const parts = await partsOf("event: error\ndata: overloaded\n\n");
    expect(errorOf(parts[0]).code).toBe("upstream_error");
  });

  it("ignores comments, empty data and named events that are not part of the protocol", async () => {
    const parts = await partsOf(": ping\n\ndata:\n\nevent: ping\ndata: {}\n\n" + event(delta({ content: "x" }, "stop")) + event("[DONE]"));
    expect(parts.map((part) => part.type)).toEqual(["response-metadata", "text-delta", "finish"]);
  });

  it("announces the model once, and reads only the first choice", async () => {
    const parts = await partsOf(
      event(delta({ content: "one" })) + event(delta({ content: "other" }, null, 1)) + event(delta({ content: " two" }, "stop")) + event("[DONE]"),
    );
    expect(parts).toEqual([
      { type: "response-metadata", modelId: "m" },
      { type: "text-delta", delta: "one" },
      { type: "text-delta", delta: " two" },
      { type: "finish", finishReason: "stop", usage: undefined },
    ]);
  });

  it("sends a refusal on as text, so the client sees why", async () => {
    const parts = await partsOf(event(delta({ refusal: "I can't help with that." }, "stop")) + event("[DONE]"));
    expect(parts[1]).toEqual({ type: "text-delta", delta: "I can't help with that." });
  });

  it("holds argument fragments until a tool call has both its id and its name", async () => {
    const parts = await partsOf(
      event(delta({ tool_calls: [{ index: 0, function: { name: "lookup", arguments: '{"q"' } }] })) +
        event(delta({ tool_calls: [{ index: 0, id: "call_1", function: { arguments: ':"x"' } }] })) +
        event(delta({ tool_calls: [{ index: 0, function: { arguments: "}" } }] }, "tool_calls")) +
        event("[DONE]"),
    );
    expect(parts).toEqual([
      { type: "response-metadata", modelId: "m" },
      { type: "tool-call-start", index: 0, id: "call_1", name: "lookup" },
      { type: "tool-call-delta", index: 0, argumentsDelta: '{"q":"x"' },
      { type: "tool-call-delta", index: 0, argumentsDelta: "}" },
      { type: "finish", finishReason: "tool_calls", usage: undefined },
    ]);
  });

  it("reads whole tool calls sent without an index, as some compatible servers do", async () => {
    const parts = await partsOf(
      event(delta({ tool_calls: [{ id: "a", function: { name: "f", arguments: "{}" } }, { id: "b", function: { name: "g", arguments: "{}" } }] }, "tool_calls")) +
        event("[DONE]"),
    );
    expect(parts.filter((part) => part.type === "tool-call-start")).toEqual([
      { type: "tool-call-start", index: 0, id: "a", name: "f" },
      { type: "tool-call-start", index: 1, id: "b", name: "g" },
    ]);
  });

  it("refuses to finish with a tool call that never got an id", async () => {
    const parts = await partsOf(event(delta({ tool_calls: [{ index: 0, function: { name: "f", arguments: "{}" } }] }, "tool_calls")) + event("[DONE]"));
    expect(parts.map((part) => part.type)).toEqual(["response-metadata", "error"]);
    expect(errorOf(parts[1]).message).toMatch(/tool call without an id/);
  });

  it("maps finish reasons compatible servers invent", async () => {
    const finishOf = async (reason: string, toolCall: boolean): Promise<ChatStreamPart | undefined> => {
      const call = toolCall ? event(delta({ tool_calls: [{ index: 0, id: "c", function: { name: "f", arguments: "{}" } }] })) : "";
      return (await partsOf(call + event(delta({}, reason)) + event("[DONE]"))).at(-1);
    };
    expect(await finishOf("function_call", false)).toMatchObject({ finishReason: "tool_calls" });
    expect(await finishOf("eos", false)).toMatchObject({ finishReason: "stop" });
    expect(await finishOf("eos", true)).toMatchObject({ finishReason: "tool_calls" });
    expect(await finishOf("content_filter", false)).toMatchObject({ finishReason: "content_filter" });
  });

  it("finishes at [DONE] even when no finish reason came", async () => {
    expect((await partsOf(event(delta({ content: "x" })) + event("[DONE]"))).at(-1)).toEqual({
      type: "finish",
      finishReason: "stop",
      usage: undefined,
    });
  });
});
