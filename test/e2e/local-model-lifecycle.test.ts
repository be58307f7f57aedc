import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ModelEvent, ModelPullAccepted } from "../../shared/admin-api.js";
import { pullDefaultModelCommand, type CatalogueModel, type ModelsOverview } from "../../shared/local-models.js";
import { ConfigError, parseConfigText } from "../../gateway/config/load-config.js";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { modelCatalogue } from "../../models/catalogue.js";
import { startFakeModelServer, type FakeModelServer } from "../fakes/fake-model-server.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const secretPrompt = "why does ghp_0123456789abcdefghijklmnopqrstuvwxyzAB fail?";

let tiny: TinyTestModel;
let modelServer: FakeModelServer;
let cloud: FakeOpenAIProvider;

beforeAll(async () => {
  tiny = await createTinyTestModel("lifecycle.gguf");
  modelServer = await startFakeModelServer(await readFile(tiny.path));
  cloud = await startFakeOpenAIProvider();
});

afterAll(async () => {
  await modelServer?.close();
  await cloud?.close();
  await tiny?.remove();
});

function adminClient(harness: TestGateway) {
  const token = harness.gateway.tokens.create(`admin-${Math.random().toString(36).slice(2)}`, { admin: true });
  return (path: string, init: RequestInit = {}) =>
    fetch(`${harness.gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } });
}

describe("no local model yet, then one downloaded and switched to from the admin API", () => {
  let harness: TestGateway;
  let client: OpenAI;
  let admin: ReturnType<typeof adminClient>;
  const events: ModelEvent[] = [];
  // Unpinned: the tiny model has no published hash, so the admin API must be told to accept it.
  const testEntry = (): CatalogueModel => ({ ...(modelCatalogue[0] as CatalogueModel), id: "tiny-test", name: "Tiny test model", url: modelServer.url, sizeBytes: 1, sha256: null });

  beforeAll(async () => {
    harness = await startTestGateway({
      config: { providers: [{ id: "fake", kind: "openai-compatible", baseUrl: cloud.baseUrl, models: ["fake-model"] }] },
      env: { PRIVACY_ROUTER_KEY_FAKE: "sk-lifecycle-0123456789abcdefghij" },
      modelCatalogue: [testEntry()],
      createLocalTier: (config, logger, context) => createLocalTier(config, logger, context),
    });
    harness.gateway.events.subscribe((event) => {
      if (event.type === "model") events.push(event);
    });
    client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
    admin = adminClient(harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a sensitive request with the way to get a model, and never sends it to the cloud", async () => {
    const before = cloud.connections;
    const error = (await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: secretPrompt }] }).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(403);
    expect(error.code).toBe("policy_blocked");
    expect(error.message).toContain(pullDefaultModelCommand);
    expect(cloud.connections).toBe(before);

    const local = (await client.chat.completions.create({ model: "local", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(local.status).toBe(503);
    expect(local.code).toBe("local_model_unavailable");
    expect(local.message).toContain("privacy-router models pull");
  });

  it("shows the catalogue with nothing installed and no active model", async () => {
    const overview = (await (await admin("/admin/v1/models")).json()) as ModelsOverview;
    expect(overview.active).toEqual({ status: "not-configured" });
    expect(overview.activeReference).toBeNull();
    expect(overview.catalogue).toEqual([expect.objectContaining({ id: "tiny-test", installed: false, download: null, active: false })]);
    expect((await admin("/admin/v1/models/nope/pull", { method: "POST" })).status).toBe(404);
    expect(overview.catalogue[0]?.checkedSha256).toBeNull();
  });

  it("refuses ids that would leave the models folder (encoded slashes included) and deletes nothing", async () => {
    const victim = join(harness.dataDir, "victim.gguf.part");
    writeFileSync(victim, "keep me");
    const before = modelServer.ranges.length;
    for (const [method, path] of [
      ["DELETE", "/admin/v1/models/..%2Fvictim"],
      ["DELETE", "/admin/v1/models/..%2F..%2Fvictim"],
      ["DELETE", "/admin/v1/models/%2E%2E%2Fvictim"],
      ["DELETE", "/admin/v1/models/..%2Fvictim/pull"],
      ["POST", "/admin/v1/models/..%2Fvictim/pull"],
    ] as const) {
      const response = await admin(path, { method, body: method === "POST" ? JSON.stringify({ acceptUnpinned: true }) : null });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/A model id is lower-case letters/);
    }
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(modelServer.ranges.length).toBe(before);
  });

  it("refuses to download an unpinned model unless the request accepts it", async () => {
    const before = modelServer.ranges.length;
    const refused = await admin("/admin/v1/models/tiny-test/pull", { method: "POST" });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("model_unpinned");
    expect(body.error.message).toContain("acceptUnpinned");
    expect((await admin("/admin/v1/models/tiny-test/pull", { method: "POST", body: JSON.stringify({ acceptUnpinned: "yes" }) })).status).toBe(400);
    expect(modelServer.ranges.length).toBe(before);
  });

  it("downloads on request (202), publishes progress, then switches to the model live and answers locally", async () => {
    const accepted = await admin("/admin/v1/models/tiny-test/pull", { method: "POST", body: JSON.stringify({ acceptUnpinned: true }) });
    expect(accepted.status).toBe(202);
    expect(((await accepted.json()) as ModelPullAccepted).status).toBe("downloading");
    for (let attempt = 0; attempt < 200; attempt++) {
      if (events.some((event) => event.modelId === "tiny-test" && (event.state === "installed" || event.state === "error"))) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(events.find((event) => event.state === "error")).toBeUndefined();
    expect(events.some((event) => event.modelId === "tiny-test" && event.state === "downloading")).toBe(true);
    expect(events.some((event) => event.modelId === "tiny-test" && event.state === "installed")).toBe(true);
    const installed = (await (await admin("/admin/v1/models")).json()) as ModelsOverview;
    expect(installed.catalogue[0]).toMatchObject({ id: "tiny-test", installed: true, download: null });

    const switched = await admin("/admin/v1/models/active", { method: "PUT", body: JSON.stringify({ id: "tiny-test" }) });
    expect(switched.status).toBe(200);
    expect(await switched.json()).toMatchObject({ persisted: true, restartRequired: false, activeReference: "tiny-test", active: { status: "idle" } });
    const saved = parse(readFileSync(join(harness.dataDir, "config.yaml"), "utf8")) as { local?: { model?: string } };
    expect(saved.local?.model).toBe("tiny-test");

    const { data, response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: secretPrompt }], max_tokens: 6 }).withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(data.model).toBe("tiny-test");
    const ready = (await (await admin("/admin/v1/models")).json()) as ModelsOverview;
    expect(ready.active).toMatchObject({ status: "ready", modelId: "tiny-test" });
    expect(ready.catalogue[0]?.active).toBe(true);
    expect(events.some((event) => event.modelId === "tiny-test" && event.state === "ready" && event.active)).toBe(true);
  });

  it("removes the active model: back to refusing, with the state saying how to get it again", async () => {
    const removed = await admin("/admin/v1/models/tiny-test", { method: "DELETE" });
    expect(removed.status).toBe(200);
    let overview = (await removed.json()) as ModelsOverview;
    for (let attempt = 0; attempt < 100 && overview.active.status !== "not-downloaded"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      overview = (await (await admin("/admin/v1/models")).json()) as ModelsOverview;
    }
    expect(overview.active).toEqual({ status: "not-downloaded", modelId: "tiny-test", pullCommand: "privacy-router models pull tiny-test" });
    const error = (await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: secretPrompt }] }).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.code).toBe("policy_blocked");
    expect((await admin("/admin/v1/models/tiny-test", { method: "DELETE" })).status).toBe(404);
  });
});

describe("a local server the user already runs as the local tier", () => {
  let localServer: FakeOpenAIProvider;
  let harness: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    localServer = await startFakeOpenAIProvider({ scenario: { kind: "echo", prefix: "on-device: " } });
    harness = await startTestGateway({
      config: {
        local: { server: { baseUrl: localServer.baseUrl, model: "qwen2.5:0.5b" } },
        providers: [{ id: "fake", kind: "openai-compatible", baseUrl: cloud.baseUrl, models: ["fake-model"] }],
      },
      env: { PRIVACY_ROUTER_KEY_FAKE: "sk-lifecycle-0123456789abcdefghij" },
      createLocalTier: (config, logger, context) => createLocalTier(config, logger, context),
    });
    client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
  });

  afterAll(async () => {
    await harness?.close();
    await localServer?.close();
  });

  it("answers sensitive requests there, counted as local, the raw text kept on the device", async () => {
    const cloudBefore = cloud.connections;
    const { data, response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: secretPrompt }] }).withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(response.headers.get("x-privacy-router-provider")).toBe("local");
    expect(cloud.connections).toBe(cloudBefore);
    const received = JSON.parse(localServer.received.at(-1)?.body ?? "{}") as { model: string; messages: Array<{ content: string }> };
    expect(received.model).toBe("qwen2.5:0.5b");
    // On-device: nothing is pseudonymized for the local tier.
    expect(received.messages.at(-1)?.content).toBe(secretPrompt);
    expect(data.choices[0]?.message.content).toContain("on-device: ");
  });

  it("is listed as on-device, and the admin API reports it as the local server", async () => {
    const models = (await (await fetch(`${harness.gateway.url}/v1/models`, { headers: { authorization: `Bearer ${harness.token}` } })).json()) as { data: Array<{ id: string; on_device?: boolean }> };
    expect(models.data.find((model) => model.id === "local")?.on_device).toBe(true);
    const overview = (await (await adminClient(harness)("/admin/v1/models")).json()) as ModelsOverview;
    expect(overview.active).toEqual({ status: "server", baseUrl: localServer.baseUrl, model: "qwen2.5:0.5b" });
  });

  it("refuses a local server that is not on this machine, naming the field", () => {
    const attempt = () => parseConfigText("local:\n  server:\n    baseUrl: http://192.168.1.20:11434/v1\n    model: qwen2.5:0.5b\n", "config.yaml");
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/local\.server\.baseUrl: must be on this machine/);
    expect(() => parseConfigText("local:\n  model: a.gguf\n  server:\n    baseUrl: http://127.0.0.1:1/v1\n    model: m\n", "config.yaml")).toThrow(/either `model` or `server`/);
  });
});
