import Database from "better-sqlite3";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

let model: TinyTestModel;
let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  model = await createTinyTestModel("tiny-local.gguf");
  provider = await startFakeOpenAIProvider();
  harness = await startTestGateway({
    config: {
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }],
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-localtest-0123456789abcdefghij" },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await model?.remove();
});

function recordedModel(id: string | null): unknown {
  const database = new Database(join(harness.dataDir, "privacy-router.sqlite"), { readonly: true });
  try {
    return database.prepare("SELECT route, provider, model, status, prompt_tokens, completion_tokens FROM requests WHERE id = ?").get(id);
  } finally {
    database.close();
  }
}

describe("the local model through the gateway, with the official OpenAI SDK", () => {
  it("answers `local` without streaming, with real usage and a request-log row", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "local", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello there" }], max_tokens: 12, seed: 3 })
      .withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(response.headers.get("x-privacy-router-provider")).toBe("local");
    expect(data.model).toBe("tiny-local");
    expect(data.choices[0]?.finish_reason).toBe("length");
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(data.usage?.completion_tokens).toBeLessThanOrEqual(12);
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(recordedModel(response.headers.get("x-privacy-router-request-id"))).toMatchObject({ route: "local", provider: "local", model: "tiny-local", status: "completed" });
  });

  it("streams `auto` with usage", async () => {
    const stream = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Count to five" }], max_tokens: 10, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("answers a cloud request holding a secret locally, says so, and opens no connection", async () => {
    const before = provider.connections;
    const { data, response } = await client.chat.completions
      .create({ model: "fake/fake-model", messages: [{ role: "user", content: "why does ghp_0123456789abcdefghijklmnopqrstuvwxyzAB fail?" }], max_tokens: 5 })
      .withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(response.headers.get("x-privacy-router-provider")).toBe("local");
    expect(data.model).toBe("tiny-local");
    expect(provider.connections).toBe(before);
  });

  it("follows a JSON schema through the grammar", async () => {
    const completion = await client.chat.completions.create({
      model: "local",
      messages: [{ role: "user", content: "Give me a colour" }],
      max_tokens: 200,
      response_format: {
        type: "json_schema",
        json_schema: { name: "colour", schema: { type: "object", properties: { name: { type: "string", maxLength: 12 }, warm: { type: "boolean" } }, required: ["name", "warm"], additionalProperties: false } },
      },
    });
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? "") as { name: unknown; warm: unknown };
    expect(typeof parsed.name).toBe("string");
    expect(typeof parsed.warm).toBe("boolean");
  });

  it("calls a tool when the client requires one, streamed", async () => {
    const stream = await client.chat.completions.create({
      model: "local",
      messages: [{ role: "user", content: "What is the weather in Oslo?" }],
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string", maxLength: 20 } }, required: ["city"] } } }],
      tool_choice: "required",
      max_tokens: 100,
      stream: true,
    });
    let name = "";
    let argumentsText = "";
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      if (call?.function?.name) name = call.function.name;
      argumentsText += call?.function?.arguments ?? "";
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(name).toBe("get_weather");
    expect(typeof (JSON.parse(argumentsText) as { city: unknown }).city).toBe("string");
    expect(finishReason).toBe("tool_calls");
  });

  it("serves two requests at once without mixing them up", async () => {
    const ask = (content: string) => client.chat.completions.create({ model: "local", messages: [{ role: "user", content }], max_tokens: 8, seed: 11 });
    const [first, second, alone] = await Promise.all([ask("alpha alpha"), ask("beta beta")]).then(async (pair) => [...pair, await ask("alpha alpha")]);
    expect(first?.choices[0]?.message.content).toBe(alone?.choices[0]?.message.content);
    expect(second?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("computes embeddings locally, float and base64", async () => {
    const { data, response } = await client.embeddings.create({ model: "local", input: ["alpha", "beta gamma"] }).withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(data.data).toHaveLength(2);
    expect(data.data[0]?.embedding.length).toBe(64);
    const floats = await client.embeddings.create({ model: "local", input: "alpha", encoding_format: "float" });
    expect(floats.data[0]?.embedding[0]).toBeCloseTo(data.data[0]?.embedding[0] ?? Number.NaN, 5);
  });
});
