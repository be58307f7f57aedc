import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider, type FakeScenario } from "../../test/fakes/fake-openai-provider.js";
import type { Egress, OutboundRequest } from "../pipeline/egress.js";
import type { ChatModel, ChatStreamPart } from "./chat-model.js";
import { createOpenAICompatibleChatModel } from "./openai-compatible-chat-model.js";

/** Stands in for the egress gate: sends exactly what the adapter hands it, and remembers it. */
function createFetchEgress(rewriteBody: (body: string) => string = (body) => body): Egress & { sent: OutboundRequest[] } {
  const sent: OutboundRequest[] = [];
  return {
    sent,
    send(request) {
      sent.push(request);
      return fetch(request.url, { method: request.method, headers: request.headers, body: rewriteBody(request.body), signal: request.signal });
    },
  };
}

const call: ChatCall = { model: "fake-model", messages: [{ role: "user", content: "Say hello." }] };

async function readAll(stream: ReadableStream<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.delta : "")).join("");

function lastError(parts: readonly ChatStreamPart[]): GatewayError {
  const last = parts.at(-1);
  if (last?.type !== "error") throw new Error(`expected the stream to end with an error part, got ${JSON.stringify(last)}`);
  return last.error;
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected a rejection");
}

const longText = Array.from({ length: 400 }, (_, index) => `word${index}`).join(" ");

describe("createOpenAICompatibleChatModel against the fake provider", () => {
  let provider: FakeOpenAIProvider;
  let egress: ReturnType<typeof createFetchEgress>;
  let model: ChatModel;

  const useScenario = (scenario: FakeScenario): void => provider.setScenario(scenario);
  const stream = (signal = new AbortController().signal, chatCall = call): Promise<ReadableStream<ChatStreamPart>> => model.doStream(chatCall, { signal });

  beforeEach(async () => {
    provider = await startFakeOpenAIProvider({ seed: 3 });
    egress = createFetchEgress();
    model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await provider.close();
  });

  it("streams a text answer, multi-byte characters split anywhere, and reports usage", async () => {
    const text = "Grüezi! 👋 Ça va? Das Wetter in Zürich: 18 °C — 日本語も大丈夫。";
    useScenario({ kind: "text", text, model: "fake-model-2025-01-01", usage: { promptTokens: 12, completionTokens: 34 } });

    const parts = await readAll(await stream());

    expect(parts[0]).toEqual({ type: "response-metadata", modelId: "fake-model-2025-01-01" });
    expect(textOf(parts)).toBe(text);
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop", usage: { promptTokens: 12, completionTokens: 34 } });
    expect(await provider.waitForOutcome(0)).toBe("completed");
  });

  it("sends exactly one POST to <baseUrl>/chat/completions with the body it built and no credentials", async () => {
    const fullCall: ChatCall = {
      ...call,
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
      toolChoice: "auto",
      maxTokens: 64,
      temperature: 0,
      responseFormat: { type: "json_object" },
    };
    await readAll(await stream(undefined, fullCall));

    expect(provider.received).toHaveLength(1);
    const received = provider.received[0]!;
    expect(received.method).toBe("POST");
    expect(received.path).toBe("/v1/chat/completions");
    expect(received.headers["content-type"]).toBe("application/json");
    expect(received.headers.accept).toBe("text/event-stream");
    expect(received.headers.authorization).toBeUndefined();
    // What the provider saw is byte for byte what the adapter handed to the egress gate.
    expect(received.body).toBe(egress.sent[0]?.body);
    expect(JSON.parse(received.body)).toEqual({
      model: "fake-model",
      messages: [{ role: "user", content: "Say hello." }],
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
      tool_choice: "auto",
      max_tokens: 64,
      temperature: 0,
      response_format: { type: "json_object" },
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(egress.sent[0]?.providerId).toBe("fake");
  });

  it("accepts a base URL with a trailing slash", async () => {
    model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: `${provider.baseUrl}/`, egress, timeoutMs: 2_000 });
    await readAll(await stream());
    expect(provider.received[0]?.path).toBe("/v1/chat/completions");
  });

  it("hands the caller's signal on combined, not as it is, so timeouts can abort too", async () => {
    const caller = new AbortController();
    await readAll(await stream(caller.signal));
    expect(egress.sent[0]?.signal).not.toBe(caller.signal);
  });

  it("echoes what the provider saw, so tests can compare it with what the client got", async () => {
    useScenario({ kind: "echo", prefix: "You said: " });
    const parts = await readAll(
      await stream(undefined, { model: "fake-model", messages: [{ role: "user", content: [{ type: "text", text: "Call <PERSON_1> at 10:00." }] }] }),
    );
    expect(textOf(parts)).toBe("You said: Call <PERSON_1> at 10:00.");
  });

  it("reassembles a tool call whose arguments arrive in fragments", async () => {
    const argumentsText = JSON.stringify({ city: "Zürich", days: 3, units: "metric" });
    useScenario({ kind: "tool-calls", toolCalls: [{ id: "call_abc", name: "get_forecast", arguments: argumentsText }] });

    const parts = await readAll(await stream());

    expect(parts.filter((part) => part.type === "tool-call-start")).toEqual([{ type: "tool-call-start", index: 0, id: "call_abc", name: "get_forecast" }]);
    const fragments = parts.filter((part) => part.type === "tool-call-delta");
    expect(fragments.length).toBeGreaterThan(3);
    expect(fragments.map((part) => part.argumentsDelta).join("")).toBe(argumentsText);
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: "finish", finishReason: "tool_calls" });
    expect(finish?.type === "finish" && finish.usage !== undefined).toBe(true);
  });

  describe("errors before the stream", () => {
    it.each([
      [500, true],
      [503, true],
      [429, true],
      [400, false],
      [404, false],
    ])("rejects status %i as upstream_error (retryable: %s) with the provider's message", async (status, retryable) => {
      useScenario({ kind: "error-status", status, message: `Provider says no (${status}).` });
      const error = await rejection(stream());
      expect(error.code).toBe("upstream_error");
      expect(error.upstreamStatus).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(error.message).toContain(String(status));
      expect(error.message).toContain(`Provider says no (${status}).`);
    });

    it("shortens a long provider message and masks a quoted key", async () => {
      useScenario({ kind: "error-status", status: 401, message: `Incorrect API key provided: sk-proj-abc123****wxyz. ${"x".repeat(500)}` });
      const error = await rejection(stream());
      expect(error.message).not.toContain("sk-proj");
      expect(error.message).toContain("Incorrect API key provided");
      expect(error.message.length).toBeLessThan(300);
    });

    it("says only the status when the error body is not an OpenAI error", async () => {
      useScenario({ kind: "error-status", status: 502, body: "<html><body>Bad gateway</body></html>" });
      const error = await rejection(stream());
      expect(error.message).toBe("The provider answered with HTTP status 502.");
    });

    it("rejects as upstream_unreachable when nothing listens", async () => {
      const unused = createServer();
      await new Promise<void>((resolve) => unused.listen(0, "127.0.0.1", resolve));
      const port = (unused.address() as AddressInfo).port;
      await new Promise<void>((resolve) => unused.close(() => resolve()));
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: `http://127.0.0.1:${port}/v1`, egress, timeoutMs: 2_000 });

      const error = await rejection(stream());
      expect(error.code).toBe("upstream_unreachable");
      expect(error.message).toContain("ECONNREFUSED");
      expect(error.isRetryable).toBe(true);
    });

    it("rejects as upstream_timeout when the headers do not come in time", async () => {
      useScenario({ kind: "text", text: "late", headersDelayMs: 5_000 });
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 200 });
      const started = Date.now();

      const error = await rejection(stream());

      expect(error.code).toBe("upstream_timeout");
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await provider.waitForOutcome(0)).toBe("client-closed");
    });

    it("passes the egress gate's own refusal through unchanged, and no connection is opened", async () => {
      const refusal = new GatewayError("policy_blocked", { message: "The outbound text still holds an email address." });
      model = createOpenAICompatibleChatModel({
        providerId: "fake",
        baseUrl: provider.baseUrl,
        egress: { send: () => Promise.reject(refusal) },
        timeoutMs: 2_000,
      });
      expect(await rejection(stream())).toBe(refusal);
      expect(provider.connections).toBe(0);
    });

    it("sends nothing when the caller has already given up", async () => {
      const caller = new AbortController();
      caller.abort();
      const error = await rejection(stream(caller.signal));
      expect(error.code).toBe("request_aborted");
      expect(egress.sent).toHaveLength(0);
      expect(provider.connections).toBe(0);
    });

    it("rejects a JSON answer to a streamed request as a protocol error", async () => {
      // The egress here flips `stream` off, like a server that ignores it.
      egress = createFetchEgress((body) => body.replace('"stream":true', '"stream":false'));
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 2_000 });
      const error = await rejection(stream());
      expect(error.code).toBe("upstream_protocol_error");
    });
  });

  describe("errors during the stream arrive as a final error part", () => {
    it.each(["destroy-socket", "end-response"] as const)("a stream cut off mid-event (%s)", async (how) => {
      useScenario({ kind: "cut", text: "This answer will not arrive in full.", afterEvents: 3, how });
      const parts = await readAll(await stream());
      expect(textOf(parts)).toBe("This answer ");
      const error = lastError(parts);
      expect(error.code).toBe("upstream_protocol_error");
      expect(error.message).toMatch(/cut the stream off/);
      expect(parts.some((part) => part.type === "finish")).toBe(false);
    });

    it("a malformed chunk", async () => {
      useScenario({ kind: "malformed-chunk", text: "One two three four.", afterEvents: 2 });
      const parts = await readAll(await stream());
      expect(textOf(parts)).toBe("One ");
      expect(lastError(parts).code).toBe("upstream_protocol_error");
      expect(parts.filter((part) => part.type === "error")).toHaveLength(1);
    });

    it("an error object the provider sends inside the stream", async () => {
      useScenario({ kind: "stream-error", text: "One two three.", afterEvents: 2, message: "The model is overloaded." });
      const parts = await readAll(await stream());
      const error = lastError(parts);
      expect(error.code).toBe("upstream_error");
      expect(error.message).toContain("The model is overloaded.");
    });

    it("a provider that stops sending mid-stream times out, not only before the first byte", async () => {
      useScenario({ kind: "stall", text: "One two three four.", afterEvents: 3 });
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 250 });
      const parts = await readAll(await stream());
      expect(textOf(parts)).toBe("One two ");
      const error = lastError(parts);
      expect(error.code).toBe("upstream_timeout");
      expect(await provider.waitForOutcome(0)).toBe("client-closed");
    });
  });

  describe("timing", () => {
    it("does not time out a slow answer that keeps flowing", async () => {
      // Larger writes keep the test short: about 30 writes, 60 ms apart, against a 200 ms limit.
      const text = longText.split(" ").slice(0, 30).join(" ");
      await provider.close();
      provider = await startFakeOpenAIProvider({ seed: 5, maxWriteBytes: 500, scenario: { kind: "text", text, writeDelayMs: 60 } });
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 200 });
      const started = Date.now();

      const parts = await readAll(await stream());

      expect(Date.now() - started).toBeGreaterThan(600);
      expect(textOf(parts)).toBe(text);
      expect(parts.at(-1)?.type).toBe("finish");
    });

    it("does not blame the provider for a consumer that reads slowly", async () => {
      model = createOpenAICompatibleChatModel({ providerId: "fake", baseUrl: provider.baseUrl, egress, timeoutMs: 150 });
      const reader = (await stream()).getReader();
      const first = await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const parts: ChatStreamPart[] = first.value === undefined ? [] : [first.value];
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
      expect(parts.at(-1)?.type).toBe("finish");
    });
  });

  it("reads the body to its end after [DONE], so the connection is reused", async () => {
    useScenario({ kind: "text", text: "One.", endDelayMs: 100 });
    await readAll(await stream());
    // Cancelling after [DONE] would show here as `client-closed`.
    expect(await provider.waitForOutcome(0)).toBe("completed");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await readAll(await stream());
    expect(provider.connections).toBe(1);
  });

  describe("stopping", () => {
    it("the caller's abort mid-stream closes the upstream connection", async () => {
      useScenario({ kind: "text", text: longText, writeDelayMs: 5 });
      const caller = new AbortController();
      const reader = (await stream(caller.signal)).getReader();
      const parts: ChatStreamPart[] = [];
      while (!parts.some((part) => part.type === "text-delta")) {
        const next = await reader.read();
        if (next.done) break;
        parts.push(next.value);
      }

      caller.abort();
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);

      expect(await provider.waitForOutcome(0)).toBe("client-closed");
      expect(lastError(parts).code).toBe("request_aborted");
      expect(textOf(parts).length).toBeLessThan(longText.length);
    });

    it("the caller's abort ends the stream even when the whole answer has already arrived unread", async () => {
      const caller = new AbortController();
      const reader = (await stream(caller.signal)).getReader();
      await reader.read();
      expect(await provider.waitForOutcome(0)).toBe("completed");

      caller.abort();
      const parts: ChatStreamPart[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);

      expect(lastError(parts).code).toBe("request_aborted");
    });

    it("cancelling the part stream closes the upstream connection", async () => {
      useScenario({ kind: "text", text: longText, writeDelayMs: 5 });
      const reader = (await stream()).getReader();
      await reader.read();
      await reader.cancel();
      expect(await provider.waitForOutcome(0)).toBe("client-closed");
    });
  });
});
