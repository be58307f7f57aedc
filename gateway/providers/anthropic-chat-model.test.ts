import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import { startFakeAnthropicProvider, type FakeAnthropicProvider } from "../../test/fakes/fake-anthropic-provider.js";
import { defaultDetectors } from "../detection/detect.js";
import { warmEntityLexicons } from "../detection/entities/warm-lexicons.js";
import { egressContext } from "../pipeline/egress-context.js";
import { createEgressGate } from "../pipeline/egress-gate.js";
import { createAnthropicChatModel } from "./anthropic-chat-model.js";
import type { ChatModel, ChatStreamPart } from "./chat-model.js";

const providerKey = "sk-ant-api03-fakeKEY0123456789abcdefghijklmnopqrstuv";

async function readAll(stream: ReadableStream<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.delta : "")).join("");

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected a rejection");
}

/** The adapter behind the real egress gate, as the gateway assembles it. */
describe("createAnthropicChatModel through the egress gate against the fake Anthropic provider", () => {
  let provider: FakeAnthropicProvider;
  let model: ChatModel;
  const call: ChatCall = { model: "claude-sonnet-4-5", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Say hello." }], maxTokens: 64 };
  const stream = (chatCall = call, signal = new AbortController().signal): Promise<ReadableStream<ChatStreamPart>> =>
    egressContext.run({ allowedTypes: new Set() }, () => model.doStream(chatCall, { signal }));

  // The gate scans with every detector; build their word lists once, as the gateway does at start-up.
  beforeAll(() => warmEntityLexicons());

  beforeEach(async () => {
    provider = await startFakeAnthropicProvider({ seed: 9, maxWriteBytes: 5 });
    const egress = createEgressGate({
      baseUrls: new Map([["anthropic", provider.baseUrl]]),
      resolveKey: async () => providerKey,
      detectors: defaultDetectors,
    });
    model = createAnthropicChatModel({ providerId: "anthropic", baseUrl: provider.baseUrl, egress, timeoutMs: 10_000 });
  });

  afterEach(async () => {
    await provider.close();
  });

  it("sends Anthropic's headers with the key as x-api-key, and the translated body", async () => {
    provider.setScenario({ kind: "text", text: "Grüße 👋 aus der Wolke." });
    const parts = await readAll(await stream());
    expect(textOf(parts)).toBe("Grüße 👋 aus der Wolke.");
    expect(parts[0]).toEqual({ type: "response-metadata", modelId: "claude-sonnet-4-5" });
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    const received = provider.received[0];
    expect(received?.headers["x-api-key"]).toBe(providerKey);
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(JSON.parse(received?.body ?? "")).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 64,
      system: [{ type: "text", text: "Be brief." }],
      messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }],
      stream: true,
    });
    // The dry run shows what was sent: the same URL and body, from the same function.
    expect(received?.path).toBe("/v1/messages");
    expect(model.describeRequest?.(call)).toEqual({ url: `${provider.baseUrl}/messages`, body: JSON.parse(received?.body ?? "") });
  });

  it("streams tool calls whose input arrives in fragments", async () => {
    provider.setScenario({ kind: "tool-calls", thinking: "hmm", toolCalls: [{ id: "toolu_9", name: "lookup", arguments: '{"query":"Zürich 🏔","limit":2}' }] });
    const parts = await readAll(await stream());
    expect(parts.filter((part) => part.type === "tool-call-start")).toEqual([{ type: "tool-call-start", index: 0, id: "toolu_9", name: "lookup" }]);
    const argumentsText = parts.map((part) => (part.type === "tool-call-delta" ? part.argumentsDelta : "")).join("");
    expect(JSON.parse(argumentsText)).toEqual({ query: "Zürich 🏔", limit: 2 });
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "tool_calls" });
  });

  it("rejects with the provider's words and status on an error status; 529 and 429 are retryable", async () => {
    provider.setScenario({ kind: "error-status", status: 529, errorType: "overloaded_error", message: "Overloaded" });
    const overloaded = await rejection(stream());
    expect(overloaded).toMatchObject({ code: "upstream_error", upstreamStatus: 529, isRetryable: true });
    expect(overloaded.message).toContain("Overloaded");
    provider.setScenario({ kind: "error-status", status: 400, errorType: "invalid_request_error", message: "messages: at least one message is required" });
    expect(await rejection(stream())).toMatchObject({ code: "upstream_error", upstreamStatus: 400, isRetryable: false });
  });

  it("ends with an error part when the provider reports one mid-stream or cuts the stream", async () => {
    provider.setScenario({ kind: "stream-error", text: "one two three four", afterEvents: 4, errorType: "overloaded_error", message: "Overloaded" });
    const parts = await readAll(await stream());
    expect(parts.at(-1)).toMatchObject({ type: "error", error: { code: "upstream_error" } });
    provider.setScenario({ kind: "cut", text: "one two three four", afterEvents: 5 });
    const cut = await readAll(await stream());
    expect(cut.at(-1)).toMatchObject({ type: "error", error: { code: "upstream_protocol_error" } });
  });

  it("lets the egress gate stop a body that still holds a finding, before any connection", async () => {
    const leaky: ChatCall = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Write to ada.lovelace@example.org today." }] };
    expect(await rejection(stream(leaky))).toMatchObject({ code: "policy_blocked" });
    expect(provider.connections).toBe(0);
  });

  it("sends nothing for a request already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await rejection(stream(call, controller.signal))).toMatchObject({ code: "request_aborted" });
    expect(provider.connections).toBe(0);
  });
});
