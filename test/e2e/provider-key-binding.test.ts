import { randomUUID } from "node:crypto";
import OpenAI from "openai";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigDocument, KeyStatus, ProviderList, ProviderTestResult } from "../../shared/admin-api.js";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { createOsKeychain } from "../../gateway/secrets/os-keychain.js";
import { startFakeAnthropicProvider, type FakeAnthropicProvider } from "../fakes/fake-anthropic-provider.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

// An admin session must not be able to point a provider at a server of its choosing and
// collect the provider's key there: keys are bound to the address they were set for.

const keychain = keychainTestAvailability();
const keychainService = `privacy-router-test-${randomUUID()}`;
const environmentKey = `sk-envbound-${randomUUID().replaceAll("-", "")}`;
const anthropicKey = `sk-ant-envbound-${randomUUID().replaceAll("-", "")}`;
const keychainKey = `sk-keychainbound-${randomUUID().replaceAll("-", "")}`;

let genuine: FakeOpenAIProvider;
let attacker: FakeOpenAIProvider;
let genuineAnthropic: FakeAnthropicProvider;
let attackerAnthropic: FakeAnthropicProvider;
let harness: TestGateway;
let client: OpenAI;
let adminToken: string;

beforeAll(async () => {
  [genuine, attacker, genuineAnthropic, attackerAnthropic] = await Promise.all([
    startFakeOpenAIProvider(),
    startFakeOpenAIProvider(),
    startFakeAnthropicProvider(),
    startFakeAnthropicProvider(),
  ]);
  harness = await startTestGateway({
    config: {
      providers: [
        { id: "openai", kind: "openai", baseUrl: genuine.baseUrl, models: ["gpt-4o"] },
        { id: "claude", kind: "anthropic", baseUrl: genuineAnthropic.baseUrl, models: ["claude-test"] },
        { id: "keyed", kind: "openai-compatible", baseUrl: genuine.baseUrl, models: ["fake-model"] },
      ],
      routing: { strong: "openai/gpt-4o" },
    },
    env: { PRIVACY_ROUTER_KEY_OPENAI: environmentKey, PRIVACY_ROUTER_KEY_CLAUDE: anthropicKey, PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService },
  });
  adminToken = harness.gateway.tokens.create("binding-test-admin", { admin: true });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await Promise.all([genuine?.close(), attacker?.close(), genuineAnthropic?.close(), attackerAnthropic?.close()]);
  if (keychain.run) await createOsKeychain().delete(keychainService, "keyed");
});

async function admin<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${harness.gateway.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${adminToken}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

function keyOf(list: ProviderList, id: string): KeyStatus | undefined {
  return list.providers.find((entry) => entry.id === id)?.key;
}

describe("a provider's key stays with the address it was set for", () => {
  it("sends no environment key to a listener an admin points the provider at, through the provider API", async () => {
    const moved = await admin("/admin/v1/providers/openai", { method: "PUT", body: { kind: "openai", baseUrl: attacker.baseUrl, models: ["gpt-4o"] } });
    expect(moved.status).toBe(200);

    const test = await admin<ProviderTestResult>("/admin/v1/providers/openai/test", { method: "POST" });
    expect(test.body.ok).toBe(false);
    expect(test.body.message).toContain(new URL(genuine.baseUrl).origin);
    expect(test.body.message).toContain(new URL(attacker.baseUrl).origin);

    const failure = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hello" }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe("provider_key_origin_mismatch");
    expect((failure as Error).message).not.toContain(environmentKey);

    // Nothing at all reached the listener: the key is checked before a byte is sent.
    expect(attacker.received).toEqual([]);

    const list = await admin<ProviderList>("/admin/v1/providers");
    expect(keyOf(list.body, "openai")).toMatchObject({ configured: false, source: "environment", problem: expect.stringContaining("another address") });

    // The move is on record with who made it, and the key is not.
    const logs = harness.logs();
    expect(logs).toContain("a provider's address changed");
    expect(logs).toContain("admin token binding-test-admin");
    expect(logs).toContain(`${new URL(genuine.baseUrl).origin} -> ${new URL(attacker.baseUrl).origin}`);
    expect(logs).not.toContain(environmentKey);

    // Moved back to the address it had at start, the environment key works again.
    await admin("/admin/v1/providers/openai", { method: "PUT", body: { kind: "openai", baseUrl: genuine.baseUrl, models: ["gpt-4o"] } });
    const before = genuine.received.length;
    const restored = await admin<ProviderTestResult>("/admin/v1/providers/openai/test", { method: "POST" });
    expect(restored.body).toMatchObject({ ok: true });
    expect(genuine.received[before]?.headers.authorization).toBe(`Bearer ${environmentKey}`);
  });

  it("holds for Anthropic's x-api-key, and for a move through the whole config file", async () => {
    const current = await admin<ConfigDocument>("/admin/v1/config");
    const document = parse(current.body.text) as { providers: Array<{ id: string; baseUrl: string }> };
    for (const provider of document.providers) if (provider.id === "claude") provider.baseUrl = attackerAnthropic.baseUrl;
    const saved = await admin("/admin/v1/config", { method: "PUT", body: { text: stringify(document), baseRevision: current.body.revision } });
    expect(saved.status).toBe(200);

    const test = await admin<ProviderTestResult>("/admin/v1/providers/claude/test", { method: "POST" });
    expect(test.body).toMatchObject({ ok: false, message: expect.stringContaining("PRIVACY_ROUTER_KEY_CLAUDE") });
    expect(attackerAnthropic.received).toEqual([]);
    expect(harness.logs()).not.toContain(anthropicKey);
  });

  it("binds a key set through the admin API to the provider's address, and a key set again to the new one", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    expect((await admin<KeyStatus>("/admin/v1/providers/keyed/key", { method: "PUT", body: { value: keychainKey } })).body).toMatchObject({ configured: true, source: "keychain" });
    const stored = await createOsKeychain().get(keychainService, "keyed");
    expect(JSON.parse(stored ?? "{}")).toMatchObject({ origin: new URL(genuine.baseUrl).origin });

    await admin("/admin/v1/providers/keyed", { method: "PUT", body: { kind: "openai-compatible", baseUrl: attacker.baseUrl, models: ["fake-model"] } });
    const refused = await admin<ProviderTestResult>("/admin/v1/providers/keyed/test", { method: "POST" });
    expect(refused.body).toMatchObject({ ok: false, message: expect.stringContaining("privacy-router keys set keyed") });
    expect(attacker.received).toEqual([]);
    expect(keyOf((await admin<ProviderList>("/admin/v1/providers")).body, "keyed")).toMatchObject({ configured: false, source: "keychain" });

    // Whoever knows the key may bind it to the new address: that is setting it again.
    const newKey = `${keychainKey}-new`;
    expect((await admin<KeyStatus>("/admin/v1/providers/keyed/key", { method: "PUT", body: { value: newKey } })).body).toMatchObject({ configured: true });
    const accepted = await admin<ProviderTestResult>("/admin/v1/providers/keyed/test", { method: "POST" });
    expect(accepted.body).toMatchObject({ ok: true });
    expect(attacker.received[0]?.headers.authorization).toBe(`Bearer ${newKey}`);
  });

  it("refuses a provider on plain http away from this machine, naming the field", async () => {
    const refused = await admin<{ error: { param: string | null; message: string } }>("/admin/v1/providers/remote", {
      method: "PUT",
      body: { kind: "openai-compatible", baseUrl: "http://203.0.113.7:8080/v1", models: ["m"] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("baseUrl");
    expect(refused.body.error.message).toContain("https");
  });
});
