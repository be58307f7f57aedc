import Database from "better-sqlite3";
import { join } from "node:path";
import OpenAI from "openai";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { rawRequest } from "../support/raw-request.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

/**
 * `POST /v1/responses` end to end, with the official OpenAI SDK as the client: the fake
 * OpenAI-compatible provider (which records exactly what reached it) and the real tiny local
 * model behind a real gateway.
 */
let model: TinyTestModel;
let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  model = await createTinyTestModel("tiny-responses.gguf");
  provider = await startFakeOpenAIProvider({ seed: 11, maxWriteBytes: 9 });
  harness = await startTestGateway({
    config: {
      server: { upstreamTimeoutMs: 5000 },
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [
        {
          id: "fake",
          kind: "openai-compatible",
          baseUrl: provider.baseUrl,
          models: ["fake-model"],
          dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
        },
      ],
      // The user's own terms are confidential; this policy refuses confidential content outright.
      detection: { terms: ["Project Falcon"] },
      policy: { classes: { confidential: "block" } },
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-fakeprovider-0123456789abcdefABCDEF" },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await model?.remove();
});

afterEach(() => {
  provider.setScenario({ kind: "text", text: "Hello from the fake provider." });
});

function lastReceived(): { body: Record<string, unknown>; raw: string } {
  const last = provider.received.at(-1);
  if (!last) throw new Error("the fake provider received nothing");
  return { body: JSON.parse(last.body) as Record<string, unknown>, raw: last.body };
}

function requestRow(id: string | null): Record<string, unknown> {
  const database = new Database(join(harness.dataDir, "privacy-router.sqlite"), { readonly: true });
  try {
    return database.prepare("SELECT * FROM requests WHERE id = ?").get(id) as Record<string, unknown>;
  } finally {
    database.close();
  }
}

/** The ordering rules of a Responses stream that clients rely on. */
function expectWellFormed(events: ResponseStreamEvent[]): void {
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  expect(events[0]?.type).toBe("response.created");
  expect(events[1]?.type).toBe("response.in_progress");
  expect(["response.completed", "response.incomplete"]).toContain(events.at(-1)?.type);
  const added = events.filter((event) => event.type === "response.output_item.added").map((event) => event.output_index);
  const done = events.filter((event) => event.type === "response.output_item.done").map((event) => event.output_index);
  expect([...done].sort()).toEqual([...added].sort());
}

describe("POST /v1/responses against a cloud provider", () => {
  it("answers non-stream with a response object, provenance headers and a record", async () => {
    provider.setScenario({ kind: "text", text: "Grüße 👋 from the cloud." });
    const { data, response } = await client.responses
      .create({ model: "fake/fake-model", instructions: "Be brief.", input: "Say hello.", max_output_tokens: 20, temperature: 0.2, metadata: { ticket: "42" } })
      .withResponse();
    expect(data.object).toBe("response");
    expect(data.status).toBe("completed");
    expect(data.id).toMatch(/^resp_/);
    expect(data.output_text).toBe("Grüße 👋 from the cloud.");
    expect(data.output).toHaveLength(1);
    expect(data.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed" });
    expect(data.model).toBe("fake-model");
    expect(data.metadata).toEqual({ ticket: "42" });
    expect(data.usage?.output_tokens).toBeGreaterThan(0);
    expect(data.usage?.total_tokens).toBe((data.usage?.input_tokens ?? 0) + (data.usage?.output_tokens ?? 0));
    expect(response.headers.get("x-privacy-router-route")).toBe("cloud");
    expect(response.headers.get("x-privacy-router-provider")).toBe("fake");
    expect(response.headers.get("x-privacy-router-policy")).toMatch(/^builtin-1\./);
    const sent = lastReceived().body;
    expect(sent.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Say hello." },
    ]);
    expect(sent).toMatchObject({ model: "fake-model", temperature: 0.2 });
    // Metadata stays in the gateway: it is echoed to the client, never forwarded.
    expect(lastReceived().raw).not.toContain("ticket");
    const row = requestRow(response.headers.get("x-privacy-router-request-id"));
    expect(row).toMatchObject({ endpoint: "/v1/responses", route: "cloud", provider: "fake", status: "completed", http_status: 200 });
  });

  it("streams the documented events, which the SDK's stream helper assembles", async () => {
    const text = "Streaming — ünïcödé, emoji 🎉🎉, and a long tail of words to split. ".repeat(4);
    provider.setScenario({ kind: "text", text });
    const events: ResponseStreamEvent[] = [];
    const stream = await client.responses.create({ model: "fake/fake-model", input: [{ role: "user", content: "Stream something." }], stream: true });
    for await (const event of stream) events.push(event);
    expectWellFormed(events);
    const deltas = events.flatMap((event) => (event.type === "response.output_text.delta" ? [event.delta] : []));
    expect(deltas.join("")).toBe(text);
    expect(events.find((event) => event.type === "response.output_text.done")).toMatchObject({ text });
    const completed = events.at(-1);
    expect(completed?.type).toBe("response.completed");
    if (completed?.type === "response.completed") {
      expect(completed.response.status).toBe("completed");
      expect(completed.response.usage?.output_tokens).toBeGreaterThan(0);
    }

    const helper = client.responses.stream({ model: "fake/fake-model", input: "Stream something." });
    let snapshot = "";
    helper.on("response.output_text.delta", (event) => (snapshot = event.snapshot));
    const final = await helper.finalResponse();
    expect(final.output_text).toBe(text);
    expect(snapshot).toBe(text);
  });

  it("never sends sensitive values from instructions, input text, call arguments or call outputs, and restores them", async () => {
    provider.setScenario({ kind: "echo", prefix: "You wrote: " });
    const ask = "Please forward this to grace.hopper@example.org today.";
    const input: OpenAI.Responses.ResponseInput = [
      { role: "user", content: [{ type: "input_text", text: "Find the contract for ada.lovelace@example.org" }] },
      { type: "function_call", call_id: "call_1", name: "lookup", arguments: JSON.stringify({ email: "ada.lovelace@example.org", phone: "+44 20 7946 0958" }) },
      { type: "function_call_output", call_id: "call_1", output: "Owner: charles.babbage@example.net, phone +44 20 7946 0321" },
      { role: "user", content: ask },
    ];
    const request = {
      model: "fake/fake-model",
      instructions: "You assist linus.torvalds@example.com with mail.",
      input,
      tools: [{ type: "function" as const, name: "lookup", description: "Look up a person", parameters: { type: "object", properties: { email: { type: "string" } } }, strict: false }],
    };
    const { data, response } = await client.responses.create(request).withResponse();
    const sent = lastReceived();
    for (const value of ["ada.lovelace", "grace.hopper", "charles.babbage", "linus.torvalds", "7946"]) expect(sent.raw).not.toContain(value);
    expect(sent.raw).toMatch(/\[EMAIL_\d{4}\]/);
    const messages = sent.body.messages as Array<Record<string, unknown>>;
    expect(messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
    expect(messages[2]).toMatchObject({ tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup" } }] });
    expect(messages[3]).toMatchObject({ tool_call_id: "call_1" });
    expect(data.output_text).toBe(`You wrote: ${ask}`);
    expect(Number(response.headers.get("x-privacy-router-redactions"))).toBeGreaterThanOrEqual(5);

    const events: ResponseStreamEvent[] = [];
    for await (const event of await client.responses.create({ ...request, stream: true })) events.push(event);
    expectWellFormed(events);
    expect(events.flatMap((event) => (event.type === "response.output_text.delta" ? [event.delta] : [])).join("")).toBe(`You wrote: ${ask}`);
    expect(lastReceived().raw).not.toContain("grace.hopper");
  });

  it("restores placeholders inside streamed function-call argument deltas", async () => {
    const request = {
      model: "fake/fake-model",
      input: "Send a note to grace@example.com about the launch",
      tools: [{ type: "function" as const, name: "send_mail", parameters: { type: "object", properties: { to: { type: "string" } } }, strict: null }],
    };
    // The first turn shows which placeholder this conversation uses; the next turn reuses it.
    provider.setScenario({ kind: "echo" });
    await client.responses.create(request);
    const placeholder = /\[EMAIL_\d{4}\]/.exec(lastReceived().raw)?.[0];
    expect(placeholder).toBeDefined();
    const calls = [
      { id: "call_a", name: "send_mail", arguments: `{"to":"${placeholder}","subject":"Hi ${placeholder}"}` },
      { id: "call_b", name: "send_mail", arguments: `{"to":"${placeholder}"}` },
    ];
    provider.setScenario({ kind: "tool-calls", text: `Writing to ${placeholder}.`, toolCalls: calls });

    const events: ResponseStreamEvent[] = [];
    for await (const event of await client.responses.create({ ...request, stream: true })) events.push(event);
    expectWellFormed(events);
    expect(JSON.stringify(events)).not.toContain(placeholder);
    const added = events.flatMap((event) => (event.type === "response.output_item.added" && event.item.type === "function_call" ? [event.item] : []));
    expect(added.map((item) => [item.call_id, item.name])).toEqual([
      ["call_a", "send_mail"],
      ["call_b", "send_mail"],
    ]);
    const argumentsOf = (outputIndex: number): string =>
      events.flatMap((event) => (event.type === "response.function_call_arguments.delta" && event.output_index === outputIndex ? [event.delta] : [])).join("");
    const dones = events.flatMap((event) => (event.type === "response.function_call_arguments.done" ? [event] : []));
    expect(dones).toHaveLength(2);
    for (const done of dones) expect(argumentsOf(done.output_index)).toBe(done.arguments);
    expect(JSON.parse(dones[0]?.arguments ?? "")).toEqual({ to: "grace@example.com", subject: "Hi grace@example.com" });
    expect(JSON.parse(dones[1]?.arguments ?? "")).toEqual({ to: "grace@example.com" });
    const completed = events.at(-1);
    if (completed?.type !== "response.completed") throw new Error(`expected response.completed, got ${completed?.type}`);
    expect(completed.response.output.map((item) => item.type)).toEqual(["message", "function_call", "function_call"]);

    const helper = await client.responses.stream({ ...request }).finalResponse();
    expect(helper.output_text).toBe("Writing to grace@example.com.");
    const nonStream = await client.responses.create(request);
    expect(nonStream.output_text).toBe("Writing to grace@example.com.");
    const functionCalls = nonStream.output.flatMap((item) => (item.type === "function_call" ? [item] : []));
    expect(functionCalls.map((item) => JSON.parse(item.arguments) as unknown)).toEqual([{ to: "grace@example.com", subject: "Hi grace@example.com" }, { to: "grace@example.com" }]);
    expect(lastReceived().raw).not.toContain("grace@");
    // The next turn replays the helper's output as input, as the SDK's docs do, plus the call results.
    provider.setScenario({ kind: "text", text: "Sent." });
    const nextTurn = await client.responses.create({
      ...request,
      input: [
        { role: "user", content: request.input },
        ...(helper.output as OpenAI.Responses.ResponseInputItem[]),
        { type: "function_call_output", call_id: "call_a", output: "delivered to grace@example.com" },
        { type: "function_call_output", call_id: "call_b", output: "delivered" },
      ],
    });
    expect(nextTurn.output_text).toBe("Sent.");
    const replayed = lastReceived();
    expect(replayed.raw).not.toContain("grace@");
    expect((replayed.body.messages as Array<{ role: string }>).map((message) => message.role)).toEqual(["user", "assistant", "tool", "tool"]);

  });
});

describe("POST /v1/responses when things go wrong mid-stream", () => {
  it("aborts the upstream call when the client goes away, and records the abort", async () => {
    provider.setScenario({ kind: "text", text: "word ".repeat(400), writeDelayMs: 5 });
    const controller = new AbortController();
    const { data: stream, response } = await client.responses
      .create({ model: "fake/fake-model", input: "long answer please", stream: true }, { signal: controller.signal })
      .withResponse();
    let events = 0;
    await (async () => {
      for await (const _event of stream) {
        if (++events === 5) controller.abort();
      }
    })().catch(() => undefined);
    expect(await provider.waitForOutcome(provider.received.length - 1)).toBe("client-closed");
    const id = response.headers.get("x-privacy-router-request-id");
    // A wait, not a timing claim: the record is written as the server notices the closed socket.
    await expect.poll(() => requestRow(id).status, { timeout: 30_000 }).toBe("aborted");
  });

  it("ends with error and response.failed when the provider fails after the stream started", async () => {
    provider.setScenario({ kind: "stream-error", text: "Partial answer that breaks", afterEvents: 3, message: "upstream exploded" });
    const events: ResponseStreamEvent[] = [];
    const { data: stream, response } = await client.responses.create({ model: "fake/fake-model", input: "go", stream: true }).withResponse();
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type).slice(-2)).toEqual(["error", "response.failed"]);
    expect(events.at(-1)).toMatchObject({ response: { status: "failed", error: { code: "upstream_error" } } });
    expect(requestRow(response.headers.get("x-privacy-router-request-id"))).toMatchObject({ endpoint: "/v1/responses", status: "failed" });
  });
});

describe("POST /v1/responses against the local model", () => {
  it("answers non-stream and stream; running out of tokens is an incomplete response", async () => {
    const { data, response } = await client.responses.create({ model: "local", instructions: "Be brief.", input: "Hello there", max_output_tokens: 8 }).withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(response.headers.get("x-privacy-router-provider")).toBe("local");
    expect(data.model).toBe("tiny-responses");
    expect(data.status).toBe("incomplete");
    expect(data.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(data.usage?.output_tokens).toBeGreaterThan(0);
    expect(data.usage?.output_tokens).toBeLessThanOrEqual(8);

    const events: ResponseStreamEvent[] = [];
    for await (const event of await client.responses.create({ model: "local", input: "Count to five", max_output_tokens: 6, stream: true })) events.push(event);
    expectWellFormed(events);
    expect(events.at(-1)?.type).toBe("response.incomplete");
    const streamed = events.flatMap((event) => (event.type === "response.output_text.delta" ? [event.delta] : [])).join("");
    const done = events.find((event) => event.type === "response.output_text.done");
    expect(done?.type === "response.output_text.done" ? done.text : undefined).toBe(streamed);

    const final = await client.responses.stream({ model: "local", input: "Count to five", max_output_tokens: 6 }).finalResponse();
    expect(final.status).toBe("incomplete");
    expect(final.model).toBe("tiny-responses");
  });

  it("keeps a request with a secret on this machine", async () => {
    const before = provider.received.length;
    const { data, response } = await client.responses
      .create({ model: "fake/fake-model", input: [{ role: "user", content: "my key is AKIAIOSFODNN7EXAMPLE, debug this" }], max_output_tokens: 4 })
      .withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(data.model).toBe("tiny-responses");
    expect(provider.received.length).toBe(before);
  });
});

describe("POST /v1/responses refusals", () => {
  async function refusal(body: Record<string, unknown>): Promise<{ status: number; error: Record<string, unknown>; headers: Record<string, unknown> }> {
    const answer = await rawRequest({
      port: harness.gateway.port,
      method: "POST",
      path: "/v1/responses",
      headers: { host: `127.0.0.1:${harness.gateway.port}`, authorization: `Bearer ${harness.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: answer.status, error: (JSON.parse(answer.body) as { error: Record<string, unknown> }).error, headers: answer.headers };
  }

  it("refuses a forced hosted tool, server-side state and unknown fields with errors that say why", async () => {
    const before = provider.received.length;
    const hostedChoice = await refusal({ model: "fake/fake-model", input: "search", tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }], tool_choice: { type: "file_search" } });
    expect(hostedChoice).toMatchObject({ status: 400, error: { code: "hosted_tool_unsupported", param: "tool_choice.type", type: "invalid_request_error" } });
    expect(hostedChoice.error.message).toMatch(/file_search/);

    const previous = await refusal({ model: "fake/fake-model", input: "more", previous_response_id: "resp_123" });
    expect(previous).toMatchObject({ status: 400, error: { code: "server_state_unsupported", param: "previous_response_id" } });
    const conversation = await refusal({ model: "fake/fake-model", input: "more", conversation: "conv_123" });
    expect(conversation.error).toMatchObject({ code: "server_state_unsupported", param: "conversation" });
    const stored = await refusal({ model: "fake/fake-model", input: "more", store: true });
    expect(stored.error).toMatchObject({ code: "server_state_unsupported", param: "store" });
    const reference = await refusal({ model: "fake/fake-model", input: [{ type: "item_reference", id: "msg_1" }] });
    expect(reference.error).toMatchObject({ code: "server_state_unsupported", param: "input[0]" });

    const unknown = await refusal({ model: "fake/fake-model", input: "hi", frobnicate: true });
    expect(unknown).toMatchObject({ status: 400, error: { code: "unsupported_parameter" } });
    expect(unknown.error.message).toMatch(/`frobnicate`/);
    const unknownInItem = await refusal({ model: "fake/fake-model", input: [{ role: "user", content: "hi", secret_field: "x" }] });
    expect(unknownInItem.error).toMatchObject({ code: "unsupported_parameter", param: "input[0]" });
    expect(provider.received.length).toBe(before);

    // Stateless is fine: `store: false` and a plain request are served.
    const stateless = await client.responses.create({ model: "fake/fake-model", input: "hi", store: false });
    expect(stateless.status).toBe("completed");
  });

  it("refuses a blocked request with 403 before any stream starts, and records it", async () => {
    const before = provider.received.length;
    const blocked = await rawRequest({
      port: harness.gateway.port,
      method: "POST",
      path: "/v1/responses",
      headers: { host: `127.0.0.1:${harness.gateway.port}`, authorization: `Bearer ${harness.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "fake/fake-model", input: "Status of Project Falcon?", stream: true }),
    });
    expect(blocked.status).toBe(403);
    expect(blocked.headers["content-type"]).toMatch(/application\/json/);
    expect(blocked.headers["x-privacy-router-route"]).toBe("blocked");
    expect(JSON.parse(blocked.body)).toMatchObject({ error: { code: "policy_blocked", type: "permission_error" } });
    expect(provider.received.length).toBe(before);
    expect(requestRow(blocked.headers["x-privacy-router-request-id"] as string)).toMatchObject({ endpoint: "/v1/responses", status: "blocked", http_status: 403 });

    const viaSdk = await client.responses.create({ model: "fake/fake-model", input: "Status of Project Falcon?", stream: true }).catch((caught: unknown) => caught);
    expect(viaSdk).toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it("needs a client token, and only POST", async () => {
    const anonymous = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: "prt_not-a-real-token", maxRetries: 0 });
    const error = await anonymous.responses.create({ model: "local", input: "hi" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    const missing = await rawRequest({ port: harness.gateway.port, method: "POST", path: "/v1/responses", headers: { host: `127.0.0.1:${harness.gateway.port}`, "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: "missing_token" } });
    const get = await rawRequest({ port: harness.gateway.port, method: "GET", path: "/v1/responses", headers: { host: `127.0.0.1:${harness.gateway.port}`, authorization: `Bearer ${harness.token}` } });
    expect(get.status).toBe(405);
  });
});
