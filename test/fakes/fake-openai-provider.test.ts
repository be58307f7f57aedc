import OpenAI from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "./fake-openai-provider.js";

/**
 * The fake is only worth something if it speaks OpenAI's protocol: the official SDK must read
 * every answer it gives as it would read OpenAI's.
 */
describe("the fake OpenAI provider, read by the official SDK", () => {
  let provider: FakeOpenAIProvider;
  let client: OpenAI;

  beforeEach(async () => {
    provider = await startFakeOpenAIProvider({ models: ["fake-small", "fake-large"] });
    client = new OpenAI({ baseURL: provider.baseUrl, apiKey: "test-key", maxRetries: 0 });
  });

  afterEach(async () => {
    await provider.close();
  });

  it("streams text in OpenAI's chunk shape, with usage when asked", async () => {
    provider.setScenario({ kind: "text", text: "Grüße 👋 from the fake." });
    const stream = await client.chat.completions.create({
      model: "fake-small",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finishReason ??= chunk.choices[0]?.finish_reason;
      usage ??= chunk.usage;
    }
    expect(text).toBe("Grüße 👋 from the fake.");
    expect(finishReason).toBe("stop");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("answers with one JSON completion when the request does not stream", async () => {
    provider.setScenario({ kind: "echo", prefix: "echo: " });
    const completion = await client.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "ping" }] });
    expect(completion.choices[0]?.message.content).toBe("echo: ping");
    expect(completion.model).toBe("fake-small");
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it("streams tool calls the SDK's helper can put back together", async () => {
    provider.setScenario({ kind: "tool-calls", toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"query":"weather in Bern"}' }] });
    const runner = client.chat.completions.stream({
      model: "fake-small",
      messages: [{ role: "user", content: "weather?" }],
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
    });
    const completion = await runner.finalChatCompletion();
    const toolCall = completion.choices[0]?.message.tool_calls?.[0];
    expect(toolCall?.type === "function" && toolCall.function).toEqual({ name: "lookup", arguments: '{"query":"weather in Bern"}' });
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("answers error statuses with an OpenAI error body", async () => {
    provider.setScenario({ kind: "error-status", status: 429, message: "Slow down.", errorCode: "rate_limit_exceeded" });
    const error: unknown = await client.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).message).toContain("Slow down.");
  });

  it("lists its models", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["fake-small", "fake-large"]);
  });

  it("records exactly what it received and counts connections", async () => {
    expect(provider.connections).toBe(0);
    await client.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "record me" }] });
    expect(provider.connections).toBe(1);
    const received = provider.received[0];
    expect(received?.method).toBe("POST");
    expect(received?.path).toBe("/v1/chat/completions");
    expect(received?.headers.authorization).toBe("Bearer test-key");
    expect(JSON.parse(received?.body ?? "")).toEqual({ model: "fake-small", messages: [{ role: "user", content: "record me" }] });
    expect(await provider.waitForOutcome(0)).toBe("completed");
  });
});
