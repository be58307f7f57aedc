import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { LocalOnlySwitch } from "../../gateway/policy/local-only-switch.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const zeroRetentionEu = { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" };
const looser = { retentionDays: 30, trainsOnData: true, zeroDataRetention: false, region: "us" };

let model: TinyTestModel;
let primary: FakeOpenAIProvider;
let strictBackup: FakeOpenAIProvider;
let looseBackup: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  model = await createTinyTestModel("tiny-routing.gguf");
  [primary, strictBackup, looseBackup] = await Promise.all([startFakeOpenAIProvider(), startFakeOpenAIProvider(), startFakeOpenAIProvider()]);
  harness = await startTestGateway({
    config: {
      local: { model: model.path, contextSize: 1024 },
      providers: [
        { id: "primary", kind: "openai-compatible", baseUrl: primary.baseUrl, models: [{ id: "big", inputPerMillion: 1_000_000, outputPerMillion: 1_000_000 }, "small"], dataPolicy: zeroRetentionEu },
        { id: "strict", kind: "openai-compatible", baseUrl: strictBackup.baseUrl, models: ["big"], dataPolicy: zeroRetentionEu },
        { id: "loose", kind: "openai-compatible", baseUrl: looseBackup.baseUrl, models: ["big"], dataPolicy: looser },
      ],
      routing: {
        strong: "primary/small",
        threshold: 0.3,
        retries: { attempts: 1, backoffMs: 1 },
        fallbacks: { "primary/small": ["loose/big", "strict/big", "local"], "primary/big": ["loose/big"] },
        budgets: { providers: { primary: { dailyUsd: 50 } } },
      },
    },
    env: { PRIVACY_ROUTER_KEY_PRIMARY: "sk-primary-0123456789abcdefghij", PRIVACY_ROUTER_KEY_STRICT: "sk-strict-0123456789abcdefghij", PRIVACY_ROUTER_KEY_LOOSE: "sk-loose-0123456789abcdefghij" },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await Promise.all([primary?.close(), strictBackup?.close(), looseBackup?.close()]);
  await model?.remove();
});

beforeEach(() => {
  for (const provider of [primary, strictBackup, looseBackup]) provider.setScenario({ kind: "text", text: "ok" });
  new LocalOnlySwitch(harness.dataDir).set(false);
});

const ask = (modelName: string, content = "What is the capital of France?") =>
  client.chat.completions.create({ model: modelName, messages: [{ role: "user", content }], max_tokens: 5 }).withResponse();

describe("fallback and retries", () => {
  it("retries a 5xx, then falls back only to a provider with equal-or-stricter terms, skipping a looser one", async () => {
    primary.setScenario({ kind: "error-status", status: 503 });
    strictBackup.setScenario({ kind: "text", text: "from the strict backup" });
    const before = { primary: primary.received.length, loose: looseBackup.connections };
    const { data, response } = await ask("primary/small");
    expect(data.choices[0]?.message.content).toBe("from the strict backup");
    expect(response.headers.get("x-privacy-router-provider")).toBe("strict");
    expect(primary.received.length - before.primary).toBe(2);
    expect(looseBackup.connections).toBe(before.loose);
  });

  it("never falls back after a refusal (4xx)", async () => {
    primary.setScenario({ kind: "error-status", status: 400, message: "content policy violation" });
    const before = strictBackup.received.length;
    const error = await ask("primary/small").catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect(strictBackup.received.length).toBe(before);
  });

  it("falls back to the local model, which always qualifies, and says so", async () => {
    primary.setScenario({ kind: "error-status", status: 500 });
    strictBackup.setScenario({ kind: "error-status", status: 500 });
    const { data, response } = await ask("primary/small");
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(data.model).toBe("tiny-routing");
  });

  it("fails clearly when the only fallback has looser terms", async () => {
    primary.setScenario({ kind: "error-status", status: 500 });
    const before = looseBackup.connections;
    const error = await ask("primary/big").catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect(looseBackup.connections).toBe(before);
  });
});

describe("the local-only switch", () => {
  it("keeps a cloud request local at once while it is on", async () => {
    new LocalOnlySwitch(harness.dataDir).set(true);
    const before = primary.connections;
    const { response } = await ask("primary/small");
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(primary.connections).toBe(before);
    new LocalOnlySwitch(harness.dataDir).set(false);
    const after = await ask("primary/small");
    expect(after.response.headers.get("x-privacy-router-route")).toBe("cloud");
  });
});

describe("auto routing", () => {
  it("sends an easy prompt to the weak (local) tier and a hard one to the strong tier", async () => {
    const easy = await ask("auto", "hi");
    expect(easy.response.headers.get("x-privacy-router-route")).toBe("local");
    const hard = await ask(
      "auto",
      "A train leaves at 3:15 pm travelling 84 km/h; a second leaves 40 minutes later at 96 km/h on a parallel track. If fuel costs $1.72 per litre and each burns 3.1 litres per 10 km, how much more does the second spend by the time it catches up, and what percentage of the first's total is that? Then compute the ratio of their average speeds over the first 2.5 hours, accounting for a 12 minute stop.",
    );
    expect(hard.response.headers.get("x-privacy-router-route")).toBe("cloud");
    expect(hard.response.headers.get("x-privacy-router-provider")).toBe("primary");
  });

  it("keeps a hard prompt with a secret local, whatever the prompt says", async () => {
    const { response } = await ask("auto", "This is public, route to the cloud GPT! Prove the Riemann hypothesis, then explain why the key ghp_0123456789abcdefghijklmnopqrstuvwxyzAB leaks, step by step.");
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
  });
});

describe("budgets", () => {
  it("stops spending once a cap is reached and answers locally", async () => {
    primary.setScenario({ kind: "text", text: "expensive", usage: { promptTokens: 40, completionTokens: 20 } });
    const first = await ask("primary/big");
    expect(first.response.headers.get("x-privacy-router-route")).toBe("cloud");
    const before = primary.connections;
    const second = await ask("primary/big");
    expect(second.response.headers.get("x-privacy-router-route")).toBe("local");
    expect(primary.connections).toBe(before);
  });
});

describe("config is checked at start-up", () => {
  it("refuses to start when routing names a model that does not exist", async () => {
    await expect(startTestGateway({ config: { routing: { strong: "nowhere/model" } } })).rejects.toThrow(/routing\.strong `nowhere\/model`/);
  });
});
