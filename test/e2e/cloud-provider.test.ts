import Database from "better-sqlite3";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { rawRequest } from "../support/raw-request.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const providerKey = "sk-fakeprovider-0123456789abcdefABCDEF";

let provider: FakeOpenAIProvider;
/** Only ever asked for in requests the policy must keep off the network: it must never see a connection. */
let untouchable: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  provider = await startFakeOpenAIProvider({ seed: 7, maxWriteBytes: 11 });
  untouchable = await startFakeOpenAIProvider();
  harness = await startTestGateway({
    config: {
      server: { upstreamTimeoutMs: 1500, maxBodyBytes: 64 * 1024 },
      providers: [
        {
          id: "fake",
          kind: "openai-compatible",
          baseUrl: provider.baseUrl,
          models: ["fake-model"],
          dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
        },
        { id: "untouchable", kind: "openai-compatible", baseUrl: untouchable.baseUrl, models: ["never-model"] },
      ],
      aliases: { "gpt-4o": "fake/fake-model" },
      detection: { terms: ["Project Falcon"] },
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: providerKey },
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await untouchable?.close();
});

afterEach(() => {
  provider.setScenario({ kind: "text", text: "Hello from the fake provider." });
});

function lastReceived(): { body: Record<string, unknown>; raw: string; authorization: string | undefined } {
  const last = provider.received.at(-1);
  if (!last) throw new Error("the fake provider received nothing");
  return { body: JSON.parse(last.body) as Record<string, unknown>, raw: last.body, authorization: last.headers.authorization };
}

function requestRow(id: string | null): Record<string, unknown> {
  const database = new Database(join(harness.dataDir, "privacy-router.sqlite"), { readonly: true });
  try {
    return database.prepare("SELECT * FROM requests WHERE id = ?").get(id) as Record<string, unknown>;
  } finally {
    database.close();
  }
}

describe("a cloud provider through the gateway, with the official OpenAI SDK", () => {
  it("answers a non-stream request and records it", async () => {
    provider.setScenario({ kind: "text", text: "Grüße 👋 from the cloud." });
    const { data, response } = await client.chat.completions
      .create({ model: "fake/fake-model", messages: [{ role: "user", content: "Say hello." }], max_tokens: 20, temperature: 0.2 })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("Grüße 👋 from the cloud.");
    expect(data.model).toBe("fake-model");
    expect(response.headers.get("x-privacy-router-route")).toBe("cloud");
    expect(response.headers.get("x-privacy-router-provider")).toBe("fake");
    expect(response.headers.get("x-privacy-router-redactions")).toBe("0");
    expect(response.headers.get("x-privacy-router-policy")).toMatch(/^builtin-1\.[0-9a-f]{12}$/);
    const sent = lastReceived();
    expect(sent.authorization).toBe(`Bearer ${providerKey}`);
    expect(sent.body).toMatchObject({ model: "fake-model", max_tokens: 20, temperature: 0.2, stream: true });
    const row = requestRow(response.headers.get("x-privacy-router-request-id"));
    expect(row).toMatchObject({ client: "test-client", route: "cloud", provider: "fake", model: "fake-model", status: "completed", http_status: 200 });
    expect(row.prompt_tokens).toBeGreaterThan(0);
    expect(row.completion_tokens).toBeGreaterThan(0);
    expect(row.latency_ms).toBeGreaterThan(0);
  });

  it("streams with usage when asked, reassembling split chunks exactly", async () => {
    const text = "Streaming — ünïcödé, emoji 🎉🎉, and a long tail of words to split. ".repeat(5);
    provider.setScenario({ kind: "text", text });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Stream something." }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let received = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      received += chunk.choices[0]?.delta.content ?? "";
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(received).toBe(text);
    expect(finishReason).toBe("stop");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("sends placeholders instead of emails and restores them, stream and non-stream", async () => {
    provider.setScenario({ kind: "echo", prefix: "You wrote: " });
    const prompt = "Please email ada.lovelace@example.org and cc ada.lovelace@example.org and bob@example.net.";
    const { data, response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: prompt }] }).withResponse();
    expect(lastReceived().raw).not.toContain("@example");
    expect(lastReceived().raw).toMatch(/\[EMAIL_\d{4}\]/);
    expect(data.choices[0]?.message.content).toBe(`You wrote: ${prompt}`);
    expect(response.headers.get("x-privacy-router-redactions")).toBe("3");

    const stream = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: prompt }], stream: true });
    let streamed = "";
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
    expect(streamed).toBe(`You wrote: ${prompt}`);
    expect(lastReceived().raw).not.toContain("@example");
  });

  it("restores placeholders inside streamed tool-call arguments", async () => {
    const request = {
      model: "fake/fake-model",
      messages: [{ role: "user" as const, content: "Send a note to grace@example.com" }],
      tools: [{ type: "function" as const, function: { name: "send_mail", parameters: { type: "object", properties: { to: { type: "string" } } } } }],
    };
    // The first turn shows which placeholder this conversation uses; the next turn reuses it.
    await client.chat.completions.create(request);
    const placeholder = /\[EMAIL_\d{4}\]/.exec(lastReceived().raw)?.[0];
    expect(placeholder).toBeDefined();
    provider.setScenario({ kind: "tool-calls", toolCalls: [{ name: "send_mail", arguments: `{"to":"${placeholder}","subject":"Hi ${placeholder}"}` }] });
    const stream = await client.chat.completions.create({ ...request, stream: true });
    let argumentsText = "";
    let name = "";
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      if (call?.function?.name) name = call.function.name;
      argumentsText += call?.function?.arguments ?? "";
    }
    expect(name).toBe("send_mail");
    expect(JSON.parse(argumentsText)).toEqual({ to: "grace@example.com", subject: "Hi grace@example.com" });
    expect(lastReceived().raw).not.toContain("grace@");
  });

  it("keeps a request with a secret off the network when no local model exists", async () => {
    const error = await client.chat.completions
      .create({ model: "untouchable/never-model", messages: [{ role: "user", content: "my key is AKIAIOSFODNN7EXAMPLE, debug this" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const apiError = error as InstanceType<typeof OpenAI.PermissionDeniedError>;
    expect(apiError.code).toBe("policy_blocked");
    expect(apiError.message).toMatch(/secret/);
    expect(apiError.headers?.get("x-privacy-router-route")).toBe("blocked");
    const image = await client.chat.completions
      .create({ model: "untouchable/never-model", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] }] })
      .catch((caught: unknown) => caught);
    expect((image as InstanceType<typeof OpenAI.APIError>).code).toBe("policy_blocked");
    expect(untouchable.connections).toBe(0);
  });

  it("sees through escapes: a JSON-escaped key in tool arguments, a percent-encoded address, a name field", async () => {
    const escapedKey = await client.chat.completions
      .create({
        model: "untouchable/never-model",
        messages: [
          { role: "user", content: "continue" },
          { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "store", arguments: '{"key":"AKIA\\u0049OSFODNN7EXAMPLE"}' } }] },
          { role: "tool", tool_call_id: "c1", content: "stored" },
        ],
      })
      .catch((caught: unknown) => caught);
    expect((escapedKey as InstanceType<typeof OpenAI.APIError>).code).toBe("policy_blocked");
    expect(untouchable.connections).toBe(0);

    provider.setScenario({ kind: "text", text: "ok" });
    await client.chat.completions.create({
      model: "fake/fake-model",
      messages: [{ role: "user", name: "ada.lovelace@example.org", content: "look up https://crm.acme-corp.io/find?email=grace.hopper%40example.org" }],
    });
    const sent = lastReceived();
    expect(sent.raw).not.toContain("grace.hopper%40example.org");
    expect(sent.raw).not.toContain("ada.lovelace");
    expect((sent.body.messages as Array<Record<string, unknown>>)[0]).not.toHaveProperty("name");
  });

  it("replaces the user's own terms, whatever their spelling, and restores them", async () => {
    provider.setScenario({ kind: "echo", prefix: "" });
    const prompt = "Status of PROJECT-FALCON please";
    const answer = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: prompt }] });
    expect(lastReceived().raw).not.toMatch(/falcon/i);
    expect(lastReceived().raw).toMatch(/\[CUSTOM_\d{4}\]/);
    expect(answer.choices[0]?.message.content).toBe(prompt);
  });

  it("never hands the provider key back in an upstream error", async () => {
    provider.setScenario({ kind: "error-status", status: 401, message: `Incorrect API key provided: ${providerKey}` });
    const error = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("Incorrect API key");
    expect((error as Error).message).not.toContain(providerKey);
  });

  it("maps upstream failures to clear errors and keeps serving", async () => {
    provider.setScenario({ kind: "error-status", status: 500, message: "upstream exploded" });
    const serverError = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect(serverError).toBeInstanceOf(OpenAI.APIError);
    expect((serverError as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((serverError as InstanceType<typeof OpenAI.APIError>).code).toBe("upstream_error");

    provider.setScenario({ kind: "text", text: "late", headersDelayMs: 4000 });
    const timeout = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect((timeout as InstanceType<typeof OpenAI.APIError>).status).toBe(504);

    provider.setScenario({ kind: "cut", text: "this answer will be cut off in the middle of things", afterEvents: 3 });
    const stream = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }], stream: true });
    const cut = await (async () => {
      for await (const _chunk of stream) {
        // drain
      }
    })().catch((caught: unknown) => caught);
    expect(cut).toBeInstanceOf(OpenAI.APIError);
    expect(String((cut as Error).message)).toMatch(/cut|ended|before/i);

    provider.setScenario({ kind: "text", text: "still here" });
    const after = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] });
    expect(after.choices[0]?.message.content).toBe("still here");
  });

  it("aborts the upstream call when the client goes away mid-stream", async () => {
    provider.setScenario({ kind: "text", text: "word ".repeat(400), writeDelayMs: 5 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: "fake/fake-model", messages: [{ role: "user", content: "long answer please" }], stream: true },
      { signal: controller.signal },
    );
    let chunks = 0;
    await (async () => {
      for await (const _chunk of stream) {
        if (++chunks === 3) controller.abort();
      }
    })().catch(() => undefined);
    const index = provider.received.length - 1;
    expect(await provider.waitForOutcome(index)).toBe("client-closed");
  });

  it("never writes the provider key to logs or the database", async () => {
    await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hello" }] });
    expect(harness.logs()).not.toContain(providerKey);
    expect(harness.logs()).toContain('"route":"cloud"');
    for (const file of readdirSync(harness.dataDir)) {
      const bytes = readFileSync(join(harness.dataDir, file));
      expect(bytes.includes(providerKey), file).toBe(false);
      expect(bytes.includes(harness.token), file).toBe(false);
    }
  });
});

describe("the door: tokens, Host, Origin, endpoints and bodies", () => {
  const chatBody = JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] });
  const headers = (): Record<string, string> => ({
    host: `127.0.0.1:${harness.gateway.port}`,
    authorization: `Bearer ${harness.token}`,
    "content-type": "application/json",
  });
  const post = (overrides: Record<string, string>, body: string | Buffer = chatBody, path = "/v1/chat/completions") =>
    rawRequest({ port: harness.gateway.port, method: "POST", path, headers: { ...headers(), ...overrides }, body });

  it.each([
    ["no token", { authorization: "" }, 401, "missing_token"],
    ["a bad token", { authorization: "Bearer prt_notarealtokennotarealtokennotarealtoken1234" }, 401, "invalid_token"],
    ["a foreign Host (DNS rebinding)", { host: "evil.example:PORT" }, 403, "forbidden_host"],
    ["a loopback Host on another port", { host: "127.0.0.1:1" }, 403, "forbidden_host"],
    ["a foreign Origin", { origin: "https://evil.example" }, 403, "forbidden_origin"],
    ["a null Origin", { origin: "null" }, 403, "forbidden_origin"],
    ["a form post", { "content-type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type"],
  ])("refuses %s", async (_name, overrides, status, code) => {
    const withPort = Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, value.replace("PORT", String(harness.gateway.port))]));
    const response = await post(withPort);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code, type: expect.any(String), message: expect.any(String), param: null } });
    expect(response.headers["x-privacy-router-request-id"]).toMatch(/^req_/);
    expect(response.headers["x-privacy-router-route"]).toBe("blocked");
  });

  it("accepts x-api-key", async () => {
    const response = await post({ authorization: "", "x-api-key": harness.token });
    expect(response.status).toBe(200);
  });

  it("refuses loopback addresses written another way, and odd Host spellings", async () => {
    for (const host of ["[0:0:0:0:0:0:0:1]", "127.1", "2130706433", "LOCALHOST"]) {
      const response = await post({ host: `${host}:${harness.gateway.port}` });
      expect(response.status, host).toBeGreaterThanOrEqual(400);
    }
  });

  it("accepts its own Origin and the localhost names", async () => {
    for (const host of ["localhost", "[::1]", "127.0.0.1"]) {
      const response = await post({ host: `${host}:${harness.gateway.port}`, origin: `http://${host}:${harness.gateway.port}` });
      expect(response.status, host).toBe(200);
    }
  });

  it.each([
    ["malformed JSON", "{not json", 400, "invalid_json", null],
    ["a wrong type", JSON.stringify({ model: "fake/fake-model", messages: "hi" }), 400, "invalid_request", "messages"],
    ["an unknown field", JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "x" }], web_search: true }), 400, "unsupported_parameter", null],
    ["an unsupported value", JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "x" }], n: 3 }), 400, "invalid_request", "n"],
    ["an unknown model", JSON.stringify({ model: "nope", messages: [{ role: "user", content: "x" }] }), 404, "model_not_found", "model"],
    ["an oversized body", JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "x".repeat(70_000) }] }), 413, "payload_too_large", null],
  ])("answers %s clearly", async (_name, body, status, code, param) => {
    const response = await post({}, body);
    expect(response.status).toBe(status);
    const parsed = JSON.parse(response.body) as { error: { code: string; param: string | null } };
    expect(parsed.error.code).toBe(code);
    if (param) expect(parsed.error.param).toBe(param);
  });

  it("refuses unknown endpoints instead of passing them through", async () => {
    const before = provider.received.length;
    for (const path of ["/v1/completions", "/v1/proxy/chat/completions", "/v2/admin", "/"]) {
      const response = await post({}, chatBody, path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body).error.code).toBe("not_found");
    }
    expect(provider.received.length).toBe(before);
  });

  it("answers /healthz without a token and reveals nothing", async () => {
    const response = await rawRequest({ port: harness.gateway.port, path: "/healthz", headers: { host: `localhost:${harness.gateway.port}` } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: "ok" });
  });

  it("lists auto, local, the configured models and aliases", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(["auto", "local", "fake/fake-model", "untouchable/never-model", "gpt-4o"]);
  });

  it("still serves after all of the above", async () => {
    const response = await post({});
    expect(response.status).toBe(200);
  });
});
