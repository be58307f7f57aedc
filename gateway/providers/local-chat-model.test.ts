import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatCall, ToolDefinition } from "../../shared/chat.js";
import { createTinyTestModel, type TinyTestModel } from "../../test/fixtures/tiny-test-model.js";
import { LocalModelManager } from "../models/local-model.js";
import type { ChatStreamPart } from "./chat-model.js";
import { LocalChatModel } from "./local-chat-model.js";

let tiny: TinyTestModel;
let manager: LocalModelManager;
let model: LocalChatModel;
const never = new AbortController().signal;

beforeAll(async () => {
  tiny = await createTinyTestModel("tiny-chat.gguf");
  manager = new LocalModelManager({ modelPath: tiny.path, parallelRequests: 2 });
  model = new LocalChatModel(manager);
});

afterAll(async () => {
  await manager.dispose();
  await tiny.remove();
});

function chatCall(overrides: Partial<ChatCall> = {}): ChatCall {
  return {
    model: "local",
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: "Hello, what is the weather in the city?" },
    ],
    temperature: 0,
    maxTokens: 24,
    ...overrides,
  };
}

async function readAll(stream: ReadableStream<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** What a non-streaming response is built from: the text, the tool calls and how it ended. */
function assemble(parts: ChatStreamPart[]) {
  const toolCalls: Array<{ id: string; name: string; arguments: string }> = [];
  let text = "";
  for (const part of parts) {
    if (part.type === "text-delta") text += part.delta;
    if (part.type === "tool-call-start") toolCalls[part.index] = { id: part.id, name: part.name, arguments: "" };
    if (part.type === "tool-call-delta") {
      const call = toolCalls[part.index];
      if (call === undefined) throw new Error(`delta before start for tool call ${part.index}`);
      call.arguments += part.argumentsDelta;
    }
  }
  const finish = parts.find((part) => part.type === "finish");
  const error = parts.find((part) => part.type === "error");
  const metadata = parts.find((part) => part.type === "response-metadata");
  return { text, toolCalls, finish, error, modelId: metadata?.modelId };
}

const weatherTool: ToolDefinition = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string", maxLength: 24 }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["city", "unit"],
    },
  },
};
const timeTool: ToolDefinition = { type: "function", function: { name: "get_time", description: "The current time" } };

describe("LocalChatModel streaming", () => {
  it("streams metadata, text deltas while generating, then finish with counted usage", async () => {
    const stream = await model.doStream(chatCall(), { signal: never });
    const reader = stream.getReader();
    const arrivals: Array<{ part: ChatStreamPart; at: number }> = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push({ part: value, at: performance.now() });
    }
    const parts = arrivals.map((arrival) => arrival.part);
    expect(parts[0]).toEqual({ type: "response-metadata", modelId: "tiny-chat" });
    const deltas = parts.filter((part) => part.type === "text-delta");
    expect(deltas.length).toBeGreaterThan(1);
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "length", usage: { promptTokens: expect.any(Number), completionTokens: 24 } });
    const usage = (parts.at(-1) as Extract<ChatStreamPart, { type: "finish" }>).usage;
    expect(usage?.promptTokens).toBeGreaterThan(10);
  });

  it("gives the same answer when the whole stream is collected at once", async () => {
    const first = assemble(await readAll(await model.doStream(chatCall(), { signal: never })));
    const second = assemble(await readAll(await model.doStream(chatCall(), { signal: never })));
    expect(first.text.length).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
    expect(first.modelId).toBe("tiny-chat");
    expect(first.error).toBeUndefined();
    expect(first.finish).toMatchObject({ finishReason: "length", usage: { completionTokens: 24 } });
  });

  it("samples reproducibly for a seed", async () => {
    const sample = async (seed: number) =>
      assemble(await readAll(await model.doStream(chatCall({ temperature: 1, seed, maxTokens: 30 }), { signal: never }))).text;
    const [first, again, other] = [await sample(11), await sample(11), await sample(12)];
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it.each([1, 5, 17])("stops at max_tokens %d", async (maxTokens) => {
    const { finish } = assemble(await readAll(await model.doStream(chatCall({ maxTokens }), { signal: never })));
    expect(finish).toMatchObject({ finishReason: "length" });
    const completionTokens = finish?.type === "finish" ? finish.usage?.completionTokens : undefined;
    expect(completionTokens).toBeGreaterThan(0);
    expect(completionTokens).toBeLessThanOrEqual(maxTokens);
  });

  it("counts a longer prompt as more prompt tokens", async () => {
    const usageOf = async (content: string) => {
      const { finish } = assemble(await readAll(await model.doStream(chatCall({ messages: [{ role: "user", content }], maxTokens: 1 }), { signal: never })));
      return finish?.type === "finish" ? (finish.usage?.promptTokens ?? 0) : 0;
    };
    const short = await usageOf("hello");
    const long = await usageOf("hello world the weather in the city is nice today");
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short + 5);
  });

  it("ends at a stop sequence, without the sequence, with finish reason stop", async () => {
    const reference = assemble(await readAll(await model.doStream(chatCall({ maxTokens: 40 }), { signal: never }))).text;
    const words = reference.split(" ").filter((word) => word.length >= 3);
    const stopWord = words[Math.floor(words.length / 2)];
    expect(stopWord).toBeDefined();
    const stopped = assemble(await readAll(await model.doStream(chatCall({ maxTokens: 40, stop: [stopWord ?? ""] }), { signal: never })));
    expect(stopped.finish).toMatchObject({ finishReason: "stop" });
    expect(stopped.text).toBe(reference.slice(0, reference.indexOf(stopWord ?? "")));
  });
});

describe("LocalChatModel abort and concurrency", () => {
  it("ends the stream promptly when the signal aborts mid-generation, and frees the sequence", async () => {
    const single = new LocalModelManager({ modelPath: tiny.path, parallelRequests: 1 });
    const singleModel = new LocalChatModel(single);
    try {
      const controller = new AbortController();
      const stream = await singleModel.doStream(chatCall({ maxTokens: 3500, temperature: 0.8, seed: 3 }), { signal: controller.signal });
      const parts: ChatStreamPart[] = [];
      let abortedAt = 0;
      for await (const part of stream) {
        parts.push(part);
        if (part.type === "text-delta" && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
      const endedAfter = performance.now() - abortedAt;
      expect(abortedAt).toBeGreaterThan(0);
      // Generous for a busy CI machine; running to max_tokens would take far longer and fail the delta count below.
      expect(endedAfter).toBeLessThan(2000);
      expect(parts.at(-1)).toMatchObject({ type: "error", error: { code: "request_aborted" } });
      expect(parts.some((part) => part.type === "finish")).toBe(false);
      expect(parts.filter((part) => part.type === "text-delta").length).toBeLessThan(500);

      // The one sequence is free again: the next request is served.
      const next = assemble(await readAll(await singleModel.doStream(chatCall({ maxTokens: 3 }), { signal: never })));
      expect(next.finish).toMatchObject({ finishReason: "length" });
    } finally {
      await single.dispose();
    }
  });

  it("stops generating when the consumer cancels the stream", async () => {
    const single = new LocalModelManager({ modelPath: tiny.path, parallelRequests: 1 });
    const singleModel = new LocalChatModel(single);
    try {
      const stream = await singleModel.doStream(chatCall({ maxTokens: 3500 }), { signal: never });
      const reader = stream.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
      const started = performance.now();
      const next = assemble(await readAll(await singleModel.doStream(chatCall({ maxTokens: 3 }), { signal: never })));
      expect(next.finish).toMatchObject({ finishReason: "length" });
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      await single.dispose();
    }
  });

  it("serves two concurrent calls without mixing them up", async () => {
    const callA = chatCall({ messages: [{ role: "user", content: "the weather in the city" }], maxTokens: 60 });
    const callB = chatCall({ messages: [{ role: "user", content: "please write a long answer about people" }], maxTokens: 60 });
    const aloneA = assemble(await readAll(await model.doStream(callA, { signal: never })));
    const aloneB = assemble(await readAll(await model.doStream(callB, { signal: never })));
    expect(aloneA.text).not.toBe(aloneB.text);

    const order: string[] = [];
    const logged = (name: string) => async (stream: ReadableStream<ChatStreamPart>) => {
      const parts: ChatStreamPart[] = [];
      for await (const part of stream) {
        order.push(`${name}:${part.type}`);
        parts.push(part);
      }
      return assemble(parts);
    };
    const [togetherA, togetherB] = await Promise.all([
      model.doStream(callA, { signal: never }).then(logged("A")),
      model.doStream(callB, { signal: never }).then(logged("B")),
    ]);
    // Both were generated at the same time (each on its own sequence), not one after the other.
    expect(order.indexOf("B:text-delta")).toBeLessThan(order.indexOf("A:finish"));
    expect(togetherA.finish).toMatchObject({ finishReason: "length", usage: { completionTokens: 60 } });
    expect(togetherB.finish).toMatchObject({ finishReason: "length", usage: { completionTokens: 60 } });
    expect(togetherA.text).toBe(aloneA.text);
    expect(togetherB.text).toBe(aloneB.text);
  });
});

describe("LocalChatModel structured output", () => {
  const schema = {
    type: "object",
    properties: {
      color: { type: "string", enum: ["red", "green", "blue"] },
      done: { type: "boolean" },
      note: { type: "string", maxLength: 16 },
      tags: { type: "array", items: { type: "string", maxLength: 8 }, maxItems: 2 },
    },
    required: ["color", "done", "note", "tags"],
    additionalProperties: false,
  };

  it.each([0, 1, 2])("json_schema output parses and matches the schema (seed %d)", async (seed) => {
    const call = chatCall({
      messages: [{ role: "user", content: "Describe the weather as JSON." }],
      responseFormat: { type: "json_schema", jsonSchema: { name: "weather", schema, strict: true } },
      temperature: 0.8,
      seed,
      maxTokens: 300,
    });
    const { text, finish } = assemble(await readAll(await model.doStream(call, { signal: never })));
    expect(finish).toMatchObject({ finishReason: "stop" });
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(["color", "done", "note", "tags"]);
    expect(["red", "green", "blue"]).toContain(value.color);
    expect(typeof value.done).toBe("boolean");
    expect(typeof value.note).toBe("string");
    expect((value.note as string).length).toBeLessThanOrEqual(16);
    expect(Array.isArray(value.tags)).toBe(true);
    expect((value.tags as unknown[]).length).toBeLessThanOrEqual(2);
  });

  it("json_object output starts as a JSON object", async () => {
    const call = chatCall({ messages: [{ role: "user", content: "JSON please" }], responseFormat: { type: "json_object" }, maxTokens: 40 });
    const { text, finish } = assemble(await readAll(await model.doStream(call, { signal: never })));
    expect(text.trimStart().startsWith("{")).toBe(true);
    if (finish?.type === "finish" && finish.finishReason === "stop") expect(typeof JSON.parse(text)).toBe("object");
  });
});

describe("LocalChatModel tools", () => {
  const userAsks = [{ role: "user" as const, content: "What is the weather in Paris?" }];

  it("with tool_choice auto answers with text or a tool call whose arguments are JSON", async () => {
    const parts = await readAll(await model.doStream(chatCall({ messages: userAsks, tools: [weatherTool, timeTool], maxTokens: 60 }), { signal: never }));
    const { text, toolCalls, finish } = assemble(parts);
    expect(text.length > 0 || toolCalls.length > 0).toBe(true);
    for (const call of toolCalls) expect(() => JSON.parse(call.arguments) as unknown).not.toThrow();
    expect(finish).toMatchObject({ finishReason: toolCalls.length > 0 ? "tool_calls" : "length" });
  });

  it("with tool_choice required always calls a tool, with arguments that match its schema", async () => {
    for (const seed of [1, 2, 3]) {
      const call = chatCall({ messages: userAsks, tools: [weatherTool, timeTool], toolChoice: "required", temperature: 0.8, seed, maxTokens: 200 });
      const parts = await readAll(await model.doStream(call, { signal: never }));
      const { toolCalls, finish } = assemble(parts);
      expect(finish).toMatchObject({ finishReason: "tool_calls", usage: { completionTokens: expect.any(Number) } });
      expect(toolCalls).toHaveLength(1);
      const [toolCall] = toolCalls;
      expect(toolCall?.id).toMatch(/^call_[0-9a-f]{24}$/);
      expect(["get_weather", "get_time"]).toContain(toolCall?.name);
      const argumentsValue = JSON.parse(toolCall?.arguments ?? "") as Record<string, unknown>;
      if (toolCall?.name === "get_weather") {
        expect(typeof argumentsValue.city).toBe("string");
        expect(["celsius", "fahrenheit"]).toContain(argumentsValue.unit);
      } else {
        expect(argumentsValue).toEqual({});
      }
      // The start of each call comes before its argument deltas.
      const startIndex = parts.findIndex((part) => part.type === "tool-call-start");
      const firstDelta = parts.findIndex((part) => part.type === "tool-call-delta");
      expect(startIndex).toBeLessThan(firstDelta);
    }
  });

  it("with a named tool_choice calls exactly that tool", async () => {
    const call = chatCall({ messages: userAsks, tools: [weatherTool, timeTool], toolChoice: { type: "function", function: { name: "get_weather" } }, maxTokens: 200 });
    const { toolCalls, finish } = assemble(await readAll(await model.doStream(call, { signal: never })));
    expect(finish).toMatchObject({ finishReason: "tool_calls" });
    expect(toolCalls.map((toolCall) => toolCall.name)).toEqual(["get_weather"]);
    expect(JSON.parse(toolCalls[0]?.arguments ?? "")).toMatchObject({ city: expect.any(String) });
  });

  it("continues after earlier tool calls and their results", async () => {
    const call = chatCall({
      messages: [
        ...userAsks,
        { role: "assistant", content: null, toolCalls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }] },
        { role: "tool", toolCallId: "call_1", content: '{"temperature":21}' },
      ],
      tools: [weatherTool],
      toolChoice: "none",
      maxTokens: 12,
    });
    const { text, finish } = assemble(await readAll(await model.doStream(call, { signal: never })));
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toMatchObject({ finishReason: "length", usage: { promptTokens: expect.any(Number), completionTokens: 12 } });
  });
});

describe("LocalChatModel refusals", () => {
  it.each([
    [
      "image content",
      chatCall({ messages: [{ role: "user", content: [{ type: "image_url", data: { url: "https://example.com/a.png" } }] }] }),
      { code: "unsupported_parameter", param: "messages[0].content[0]" },
    ],
    [
      "tools together with a JSON schema",
      chatCall({ tools: [weatherTool], responseFormat: { type: "json_schema", jsonSchema: { name: "x", schema: { type: "object" } } } }),
      { code: "unsupported_parameter", param: "response_format" },
    ],
    [
      "a schema keyword the grammar cannot enforce",
      chatCall({ responseFormat: { type: "json_schema", jsonSchema: { name: "x", schema: { type: "object", properties: { age: { type: "integer", minimum: 0 } } } } } }),
      { code: "unsupported_parameter", param: "response_format.json_schema.schema.properties.age" },
    ],
    ["a required tool call without tools", chatCall({ toolChoice: "required" }), { code: "invalid_request", param: "tool_choice" }],
    ["a temperature out of range", chatCall({ temperature: 3 }), { code: "invalid_request", param: "temperature" }],
    [
      "a conversation longer than the context",
      chatCall({ messages: [{ role: "user", content: "the weather ".repeat(6000) }] }),
      { code: "invalid_request", param: "messages" },
    ],
  ])("refuses %s before streaming", async (_, call, expected) => {
    await expect(model.doStream(call, { signal: never })).rejects.toMatchObject(expected);
  });

  it("refuses with local_model_unavailable when no model is configured", async () => {
    const unconfigured = new LocalChatModel(new LocalModelManager({ modelPath: undefined }));
    await expect(unconfigured.doStream(chatCall(), { signal: never })).rejects.toMatchObject({ code: "local_model_unavailable", status: 503 });
  });
});
