import Anthropic from "@anthropic-ai/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropicProvider, type FakeAnthropicProvider } from "./fake-anthropic-provider.js";

/**
 * The fake is only worth something if it speaks Anthropic's protocol: the official SDK must read
 * every answer it gives as it would read Anthropic's.
 */
describe("the fake Anthropic provider, read by the official SDK", () => {
  let provider: FakeAnthropicProvider;
  let client: Anthropic;

  beforeEach(async () => {
    provider = await startFakeAnthropicProvider({ seed: 5, maxWriteBytes: 7 });
    // The SDK's base URL is the host: it appends `/v1/messages` itself.
    client = new Anthropic({ baseURL: provider.baseUrl.replace(/\/v1$/, ""), apiKey: "sk-ant-test-key", maxRetries: 0 });
  });

  afterEach(async () => {
    await provider.close();
  });

  it("streams thinking, text and a tool call the SDK puts back together", async () => {
    provider.setScenario({ kind: "tool-calls", thinking: "Let me think.", text: "Grüße 👋, checking.", toolCalls: [{ name: "lookup", arguments: '{"query":"weather in Bern","days":3}' }] });
    const stream = client.messages.stream({ model: "claude-test", max_tokens: 100, messages: [{ role: "user", content: "weather?" }] });
    const message = await stream.finalMessage();
    expect(message.content.map((block) => block.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(message.content[1]).toMatchObject({ type: "text", text: "Grüße 👋, checking." });
    expect(message.content[2]).toMatchObject({ type: "tool_use", name: "lookup", input: { query: "weather in Bern", days: 3 } });
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it("answers with one Message when the request does not stream, echoing what it saw", async () => {
    provider.setScenario({ kind: "echo", prefix: "echo: " });
    const message = await client.messages.create({ model: "claude-test", max_tokens: 100, messages: [{ role: "user", content: "ping" }] });
    expect(message.content).toEqual([{ type: "text", text: "echo: ping" }]);
    expect(message.stop_reason).toBe("end_turn");
  });

  it("answers error statuses with Anthropic's error body", async () => {
    provider.setScenario({ kind: "error-status", status: 529, errorType: "overloaded_error", message: "Overloaded" });
    const error: unknown = await client.messages.create({ model: "claude-test", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.APIError>).message).toContain("Overloaded");
  });

  it("records exactly what it received, headers included", async () => {
    await client.messages.create({ model: "claude-test", max_tokens: 10, messages: [{ role: "user", content: "record me" }] });
    const received = provider.received[0];
    expect(received?.path).toBe("/v1/messages");
    expect(received?.headers.authorization).toBe("Bearer sk-ant-test-key");
    expect(received?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(received?.body ?? "")).toEqual({ model: "claude-test", max_tokens: 10, messages: [{ role: "user", content: "record me" }] });
  });
});
