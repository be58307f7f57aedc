import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigDocument, KeyStatus, ProviderList, ProviderTestResult } from "../../shared/admin-api.js";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { createMemoryKeychain } from "../../gateway/secrets/memory-keychain.js";
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
const dataDir = mkdtempSync(join(tmpdir(), "pr-key-binding-"));
// One audit signing key across the restart, as one machine's keychain would keep it.
const auditKeychain = createMemoryKeychain();
const environment = (): NodeJS.ProcessEnv => ({ PRIVACY_ROUTER_KEY_OPENAI: environmentKey, PRIVACY_ROUTER_KEY_CLAUDE: anthropicKey, PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService });

async function start(config: Record<string, unknown>): Promise<void> {
  harness = await startTestGateway({ config, env: environment(), dataDir, auditKeychain });
  adminToken = harness.gateway.tokens.create(`binding-test-admin-${randomUUID().slice(0, 8)}`, { admin: true });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
}

const configText = (): string => readFileSync(join(dataDir, "config.yaml"), "utf8");

beforeAll(async () => {
  [genuine, attacker, genuineAnthropic, attackerAnthropic] = await Promise.all([
    startFakeOpenAIProvider(),
    startFakeOpenAIProvider(),
    startFakeAnthropicProvider(),
    startFakeAnthropicProvider(),
  ]);
  await start({
    providers: [
      { id: "openai", kind: "openai", baseUrl: genuine.baseUrl, models: ["gpt-4o"] },
      { id: "claude", kind: "anthropic", baseUrl: genuineAnthropic.baseUrl, models: ["claude-test"] },
      { id: "keyed", kind: "openai-compatible", baseUrl: genuine.baseUrl, models: ["fake-model"] },
      { id: "keyless", kind: "openai-compatible", baseUrl: genuine.baseUrl, models: ["spare-model"] },
    ],
    routing: { strong: "openai/gpt-4o" },
  });
});

afterAll(async () => {
  await harness?.close();
  await Promise.all([genuine?.close(), attacker?.close(), genuineAnthropic?.close(), attackerAnthropic?.close()]);
  if (keychain.run) await createOsKeychain().delete(keychainService, "keyed");
  rmSync(dataDir, { recursive: true, force: true });
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
  it("refuses to move a provider whose key comes from the environment, through the provider API, and a restart sends the key nowhere new", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    const before = configText();
    const moved = await admin<{ error: { code: string; param: string | null; message: string } }>("/admin/v1/providers/openai", {
      method: "PUT",
      body: { kind: "openai", baseUrl: attacker.baseUrl, models: ["gpt-4o"] },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject({ code: "provider_address_locked", param: "providers[0].baseUrl" });
    expect(moved.body.error.message).toContain("PRIVACY_ROUTER_KEY_OPENAI");
    expect(moved.body.error.message).toContain("privacy-router keys set openai");
    expect(moved.body.error.message).not.toContain(environmentKey);
    expect(configText()).toBe(before);
    expect(harness.logs()).toContain("a provider's address change was refused");

    // The next start binds the environment key to the address on disk: still the genuine one.
    const onDisk = parse(configText()) as Record<string, unknown>;
    // The harness makes its client token afresh at each start.
    harness.gateway.tokens.revoke("test-client");
    await harness.close();
    await start(onDisk);
    const completion = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hello" }] });
    expect(completion.choices.length).toBeGreaterThan(0);
    expect(genuine.received.at(-1)?.headers.authorization).toBe(`Bearer ${environmentKey}`);
    expect(attacker.received).toEqual([]);
  });

  it("refuses the same move through the whole config file, for Anthropic's key too", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    const current = await admin<ConfigDocument>("/admin/v1/config");
    const document = parse(current.body.text) as { providers: Array<{ id: string; baseUrl: string }> };
    for (const provider of document.providers) if (provider.id === "claude") provider.baseUrl = attackerAnthropic.baseUrl;
    const saved = await admin<{ error: { code: string; param: string | null; message: string } }>("/admin/v1/config", {
      method: "PUT",
      body: { text: stringify(document), baseRevision: current.body.revision },
    });
    expect(saved.status).toBe(409);
    expect(saved.body.error).toMatchObject({ code: "provider_address_locked", param: "providers[1].baseUrl" });
    expect(saved.body.error.message).toContain("PRIVACY_ROUTER_KEY_CLAUDE");
    expect(configText()).toBe(current.body.text);

    // The connection test still goes to the address the provider had at start, never the new one.
    await admin<ProviderTestResult>("/admin/v1/providers/claude/test", { method: "POST" });
    expect(attackerAnthropic.received).toEqual([]);
    expect(harness.logs()).not.toContain(anthropicKey);
  });

  it("refuses a delete and re-add of the provider at another address", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    expect((await admin("/admin/v1/providers/claude", { method: "DELETE" })).status).toBe(200);
    const readded = await admin<{ error: { code: string; message: string } }>("/admin/v1/providers/claude", {
      method: "PUT",
      body: { kind: "anthropic", baseUrl: attackerAnthropic.baseUrl, models: ["claude-test"] },
    });
    expect(readded.status).toBe(409);
    expect(readded.body.error).toMatchObject({ code: "provider_address_locked", message: expect.stringContaining("PRIVACY_ROUTER_KEY_CLAUDE") });
    expect(configText()).not.toContain(attackerAnthropic.baseUrl);

    // Back at the address it had at start, it is welcome again.
    const restored = await admin("/admin/v1/providers/claude", { method: "PUT", body: { kind: "anthropic", baseUrl: genuineAnthropic.baseUrl, models: ["claude-test"] } });
    expect(restored.status).toBe(200);
    expect(attackerAnthropic.received).toEqual([]);
  });

  it("moves a provider that has no key at all, and adds a new one anywhere", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    const moved = await admin("/admin/v1/providers/keyless", { method: "PUT", body: { kind: "openai-compatible", baseUrl: attacker.baseUrl, models: ["spare-model"] } });
    expect(moved.status).toBe(200);
    const added = await admin("/admin/v1/providers/fresh", { method: "PUT", body: { kind: "openai-compatible", baseUrl: attacker.baseUrl, models: ["fresh-model"] } });
    expect(added.status).toBe(200);
    expect(configText()).toContain(attacker.baseUrl);
  });

  it("binds a key set through the admin API to the provider's address, and a key set again to the new one", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    expect((await admin<KeyStatus>("/admin/v1/providers/keyed/key", { method: "PUT", body: { value: keychainKey } })).body).toMatchObject({ configured: true, source: "keychain" });
    const stored = await createOsKeychain().get(keychainService, "keyed");
    expect(JSON.parse(stored ?? "{}")).toMatchObject({ origin: new URL(genuine.baseUrl).origin });

    // A key set with its address refuses to go elsewhere by itself: the move is allowed, the key stays.
    const moved = await admin("/admin/v1/providers/keyed", { method: "PUT", body: { kind: "openai-compatible", baseUrl: attacker.baseUrl, models: ["fake-model"] } });
    expect(moved.status).toBe(200);
    const refused = await admin<ProviderTestResult>("/admin/v1/providers/keyed/test", { method: "POST" });
    expect(refused.body).toMatchObject({ ok: false, message: expect.stringContaining("privacy-router keys set keyed") });
    expect(attacker.received).toEqual([]);
    expect(keyOf((await admin<ProviderList>("/admin/v1/providers")).body, "keyed")).toMatchObject({
      configured: false,
      source: "keychain",
      problem: expect.stringContaining("address was changed since the key was set"),
    });
    const failure = await client.chat.completions.create({ model: "keyed/fake-model", messages: [{ role: "user", content: "hello" }] }).catch((error: unknown) => error);
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe("provider_key_origin_mismatch");
    expect((failure as Error).message).toContain("check that this change was intended".replace("check", "Check"));

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
