import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EventSourceParserStream } from "eventsource-parser/stream";
import OpenAI from "openai";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminEvent, ConfigDocument, ConfigSaved, DryRunResult, GatewayStatus, KeyStatus, ProviderList, ProviderTestResult, SummarySeries, TokenCreated, TokenList, ValidationErrorBody } from "../../shared/admin-api.js";
import type { AuditListItem } from "../../shared/audit-query.js";
import { verifyExportFile } from "../../gateway/audit/verify-export.js";
import { LocalOnlySwitch } from "../../gateway/policy/local-only-switch.js";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { createOsKeychain } from "../../gateway/secrets/os-keychain.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const keychain = keychainTestAvailability();
const keychainService = `privacy-router-test-${randomUUID()}`;
const providerKey = `sk-uitest-${randomUUID().replaceAll("-", "")}`;

let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;
let adminToken: string;

function baseConfig(): Record<string, unknown> {
  return {
    providers: [
      { id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: [{ id: "fake-model", inputPerMillion: 1, outputPerMillion: 2 }] },
      // Keyed through the admin API (the OS keychain), never from the environment.
      { id: "keyed", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] },
    ],
    routing: { strong: "fake/fake-model", budgets: { monthlyUsd: 100, providers: { fake: { dailyUsd: 50 } } } },
    // Requests with nothing personal in them keep their text, for the detail view.
    logging: { content: { default: "full", rules: [{ class: "personal", keep: "metadata" }] } },
  };
}

beforeAll(async () => {
  provider = await startFakeOpenAIProvider();
  harness = await startTestGateway({
    config: baseConfig(),
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-fromenvironment-0123456789abcdef", PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService },
  });
  adminToken = harness.gateway.tokens.create("ui-api-test", { admin: true });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  if (keychain.run) await createOsKeychain().delete(keychainService, "keyed");
});

/** Every admin answer's text, to search for things that must never be in one. */
const answers: string[] = [];

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const response = await fetch(`${harness.gateway.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${adminToken}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const copy = response.clone();
  if (!(copy.headers.get("content-type") ?? "").includes("event-stream")) answers.push(await copy.text());
  return response;
}

async function json<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await admin(path, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** Opens the event stream and collects its events until `until` says stop. */
async function collectEvents(until: (events: AdminEvent[]) => boolean, during: () => Promise<void>): Promise<AdminEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${harness.gateway.url}/admin/v1/events`, { headers: { authorization: `Bearer ${adminToken}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  const events: AdminEvent[] = [];
  const first = await reader.read();
  events.push(JSON.parse(first.value?.data ?? "null") as AdminEvent);
  await during();
  while (!until(events)) {
    const next = await reader.read();
    if (next.done) break;
    events.push(JSON.parse(next.value.data) as AdminEvent);
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  return events;
}

describe("the event stream", () => {
  it("shows a real chat request start and finish, with the id of its header, and no text", async () => {
    let requestId = "";
    const events = await collectEvents(
      (seen) => seen.some((event) => event.type === "request.finished" && event.request.requestId === requestId),
      async () => {
        const { response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "mail ada@example.org please" }] }).withResponse();
        requestId = response.headers.get("x-privacy-router-request-id") ?? "";
      },
    );
    expect(events[0]).toMatchObject({ type: "stream.open", policyVersion: harness.gateway.policyVersion, localOnly: { on: false, forcedByConfig: false } });
    const started = events.find((event) => event.type === "request.started");
    expect(started).toMatchObject({ request: { requestId, client: "test-client", endpoint: "/v1/chat/completions" } });
    const finished = events.find((event) => event.type === "request.finished");
    expect(finished).toMatchObject({
      request: { requestId, route: "cloud", provider: "fake", status: "completed", httpStatus: 200, redactions: 1, findings: { EMAIL: 1 }, requestedModel: "fake/fake-model", policyVersion: harness.gateway.policyVersion },
    });
    if (finished?.type === "request.finished") {
      expect(finished.request.tokens?.prompt).toBeGreaterThan(0);
      expect(finished.request.costUsd).toBeGreaterThan(0);
    }
    expect(JSON.stringify(events)).not.toContain("ada@example.org");
  });

  it("unsubscribes when the client goes away", async () => {
    await collectEvents(() => true, async () => {});
    // The server notices the closed socket on its own schedule: wait for it, without a deadline of our own.
    while (harness.gateway.events.subscriberCount > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(harness.gateway.events.subscriberCount).toBe(0);
  });

  it("announces the local-only switch", async () => {
    const events = await collectEvents(
      (seen) => seen.filter((event) => event.type === "local-only").length >= 2,
      async () => {
        await admin("/admin/v1/local-only", { method: "PUT", body: { on: true } });
        await admin("/admin/v1/local-only", { method: "PUT", body: { on: false } });
      },
    );
    expect(events.filter((event) => event.type === "local-only").map((event) => (event.type === "local-only" ? event.state.on : null))).toEqual([true, false]);
  });
});

describe("the local-only switch flipped from outside", () => {
  it("reaches the event stream too (the CLI and the tray write the marker file)", async () => {
    const seen: boolean[] = [];
    const unsubscribe = harness.gateway.events.subscribe((event) => {
      if (event.type === "local-only") seen.push(event.state.on);
    });
    try {
      const outside = new LocalOnlySwitch(harness.dataDir);
      outside.set(true);
      while (seen.length < 1) await new Promise((resolve) => setTimeout(resolve, 50));
      outside.set(false);
      while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([true, false]);
    } finally {
      unsubscribe();
    }
  });
});

describe.runIf(keychain.run || keychain.mustFail)("provider keys", () => {
  it("stores a key in the OS keychain, says configured, and never shows it again", async () => {
    if (!keychain.run) throw new Error(keychain.reason);
    const set = await json<KeyStatus>("/admin/v1/providers/keyed/key", { method: "PUT", body: { value: providerKey } });
    expect(set).toEqual({ status: 200, body: { configured: true, source: "keychain", environmentVariable: "PRIVACY_ROUTER_KEY_KEYED", problem: null } });
    const list = await json<ProviderList>("/admin/v1/providers");
    expect(list.body.providers.find((entry) => entry.id === "keyed")?.key).toMatchObject({ configured: true, source: "keychain" });
    expect(list.body.providers.find((entry) => entry.id === "fake")?.key).toMatchObject({ configured: true, source: "environment" });

    // The connection test goes through the egress gate with the stored key.
    const before = provider.received.length;
    const test = await json<ProviderTestResult>("/admin/v1/providers/keyed/test", { method: "POST" });
    expect(test.body).toMatchObject({ ok: true, status: 200, models: ["fake-model"] });
    const call = provider.received[before];
    expect(call).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(call?.headers.authorization).toBe(`Bearer ${providerKey}`);

    // Nowhere in any admin answer, nor in the database or its log.
    for (const answer of answers) expect(answer).not.toContain(providerKey);
    for (const name of ["privacy-router.sqlite", "privacy-router.sqlite-wal"]) {
      const path = join(harness.dataDir, name);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(providerKey))).toBe(false);
    }
    expect(harness.logs()).not.toContain(providerKey);

    const removed = await json<KeyStatus>("/admin/v1/providers/keyed/key", { method: "DELETE" });
    expect(removed.body).toMatchObject({ configured: false, source: null });
    expect((await json<ProviderTestResult>("/admin/v1/providers/keyed/test", { method: "POST" })).body).toMatchObject({ ok: false });
  });
});

describe("providers", () => {
  it("refuses a bad provider with the field that is wrong, and adds and removes a good one", async () => {
    const bad = await json<ValidationErrorBody>("/admin/v1/providers/other", { method: "PUT", body: { kind: "openai-compatible", baseUrl: "ftp://example.org", models: ["m"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_config");
    expect(bad.body.issues[0]?.path).toBe("providers[2].baseUrl");

    const added = await json<{ provider: { id: string; dataPolicy: { trainsOnData: boolean } }; applied: { policyVersion: string } }>("/admin/v1/providers/other", {
      method: "PUT",
      body: { kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["other-model"], dataPolicy: { trainsOnData: false } },
    });
    expect(added.status).toBe(200);
    expect(added.body.provider).toMatchObject({ id: "other", dataPolicy: { trainsOnData: false } });
    expect(added.body.applied.policyVersion).toBe(harness.gateway.policyVersion);
    expect(readFileSync(join(harness.dataDir, "config.yaml"), "utf8")).toContain("other-model");
    expect((await client.models.list()).data.map((model) => model.id)).toContain("other/other-model");

    expect((await admin("/admin/v1/providers/other", { method: "DELETE" })).status).toBe(200);
    expect((await json<ProviderList>("/admin/v1/providers")).body.providers.map((entry) => entry.id)).toEqual(["fake", "keyed"]);
    // routing.strong names it: removing it would leave the config broken.
    const inUse = await json<ValidationErrorBody>("/admin/v1/providers/fake", { method: "DELETE" });
    expect(inUse.status).toBe(400);
    expect(inUse.body.issues[0]?.path).toBe("routing.strong");
  });
});

describe("config", () => {
  it("names the field and line of a mistake and changes nothing", async () => {
    const before = readFileSync(join(harness.dataDir, "config.yaml"), "utf8");
    const text = `${before}policy:\n  classes:\n    health: sometimes\n`;
    const refused = await json<ValidationErrorBody>("/admin/v1/config", { method: "PUT", body: { text } });
    expect(refused.status).toBe(400);
    const issue = refused.body.issues.find((entry) => entry.path === "policy.classes.health");
    expect(issue?.line).toBe(text.split("\n").indexOf("    health: sometimes") + 1);
    const typo = await json<ValidationErrorBody>("/admin/v1/config", { method: "PUT", body: { text: `${before}polcy: {}\n` } });
    expect(typo.body.issues).toEqual([{ path: "polcy", message: "unknown key `polcy`", line: before.split("\n").length }]);
    expect(readFileSync(join(harness.dataDir, "config.yaml"), "utf8")).toBe(before);
    const check = await json<{ ok: boolean; issues: unknown[] }>("/admin/v1/config/validate", { method: "POST", body: { text } });
    expect(check.body.ok).toBe(false);
  });

  it("applies a saved config at once: the next request runs under the new policy, one in flight finishes under the old", async () => {
    const oldVersion = harness.gateway.policyVersion;
    const current = await json<ConfigDocument>("/admin/v1/config");
    expect(current.body.policyVersion).toBe(oldVersion);

    // A request that stays in flight until the client gives up on it, after the change.
    provider.setScenario({ kind: "stall", text: "a first piece, then nothing", afterEvents: 1 });
    const stream = await client.chat.completions.create({ model: "fake/fake-model", stream: true, messages: [{ role: "user", content: "write to ada@example.org" }] }).withResponse();
    const inFlightId = stream.response.headers.get("x-privacy-router-request-id") ?? "";
    const iterator = stream.data[Symbol.asyncIterator]();
    await iterator.next();

    // E-mail addresses become public: they now leave as they are.
    const text = `${current.body.text}policy:\n  types:\n    EMAIL: public\n`;
    const saved = await json<ConfigSaved>("/admin/v1/config", { method: "PUT", body: { text, baseRevision: current.body.revision } });
    expect(saved.status).toBe(200);
    expect(saved.body.policyVersion).not.toBe(oldVersion);
    expect(saved.body.restartRequired).toEqual([]);
    expect(readFileSync(join(harness.dataDir, "config.yaml.bak"), "utf8")).toBe(current.body.text);

    stream.data.controller.abort();
    let inFlight = await admin(`/admin/v1/requests/${inFlightId}`);
    while (inFlight.status === 404) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight = await admin(`/admin/v1/requests/${inFlightId}`);
    }
    const record = (await inFlight.json()) as AuditListItem;
    expect(record.receipt).toMatchObject({ status: "aborted", policyVersion: oldVersion, redactions: 1 });

    provider.setScenario({ kind: "text", text: "ok" });
    const received = provider.received.length;
    const { response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "write to ada@example.org" }] }).withResponse();
    expect(response.headers.get("x-privacy-router-policy")).toBe(saved.body.policyVersion);
    expect(response.headers.get("x-privacy-router-redactions")).toBe("0");
    expect(provider.received[received]?.body).toContain("ada@example.org");

    // An edit from a stale copy is refused rather than lost.
    const stale = await json<ValidationErrorBody>("/admin/v1/config", { method: "PUT", body: { text: current.body.text, baseRevision: current.body.revision } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("config_changed");
    // Back as it was, for the tests after this one.
    expect((await admin("/admin/v1/config", { method: "PUT", body: { text: current.body.text } })).status).toBe(200);
    expect(harness.gateway.policyVersion).toBe(oldVersion);
  });
});

describe("config that needs a restart", () => {
  it("saves start-up settings and says they wait for a restart", async () => {
    const current = await json<ConfigDocument>("/admin/v1/config");
    const edited = parse(current.body.text) as { server?: unknown; logging: { level?: string } };
    edited.server = { maxBodyBytes: 1_000_000 };
    edited.logging.level = "debug";
    const saved = await json<ConfigSaved>("/admin/v1/config", { method: "PUT", body: { text: stringify(edited) } });
    expect(saved.body.restartRequired).toEqual(["server", "logging.level"]);
    expect(saved.body.policyVersion).toBe(current.body.policyVersion);
    expect((await admin("/admin/v1/config", { method: "PUT", body: { text: current.body.text } })).status).toBe(200);
  });
});

describe("dry run", () => {
  it("shows findings, the decision and the pseudonymized body, and sends and records nothing", async () => {
    const recordsBefore = (await json<{ records: unknown[] }>("/admin/v1/requests?limit=500")).body.records.length;
    const receivedBefore = provider.received.length;
    const result = await json<DryRunResult>("/admin/v1/dry-run", { method: "POST", body: { text: "mail ada@example.org today", model: "fake/fake-model" } });
    expect(result.status).toBe(200);
    expect(result.body.findings).toEqual([expect.objectContaining({ path: "messages[0].content", start: 5, end: 20, type: "EMAIL" })]);
    expect(result.body.decision).toMatchObject({ route: "cloud", action: "pseudonymize", provider: "fake", model: "fake-model", policyVersion: harness.gateway.policyVersion });
    expect(result.body.redactions).toBe(1);
    expect(result.body.outbound?.url).toBe(`${provider.baseUrl}/chat/completions`);
    const body = JSON.stringify(result.body.outbound?.body);
    expect(body).not.toContain("ada@example.org");
    expect(body).toMatch(/\[EMAIL_[0-9A-Za-z]+\]/);
    expect(provider.received.length).toBe(receivedBefore);
    expect((await json<{ records: unknown[] }>("/admin/v1/requests?limit=500")).body.records.length).toBe(recordsBefore);

    const secret = await json<DryRunResult>("/admin/v1/dry-run", { method: "POST", body: { text: "key AKIAIOSFODNN7EXAMPLE", model: "fake/fake-model" } });
    expect(secret.body.decision.route).not.toBe("cloud");
    expect(secret.body.outbound).toBeNull();
    expect((await admin("/admin/v1/dry-run", { method: "POST", body: { text: "hi", model: "nope/none" } })).status).toBe(404);
  });
});

describe("client tokens", () => {
  it("creates a token once, lists names only, and revokes", async () => {
    const created = await json<TokenCreated>("/admin/v1/tokens", { method: "POST", body: { name: "cursor-ui" } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^prt_/);
    const list = await admin("/admin/v1/tokens");
    const listText = await list.text();
    expect((JSON.parse(listText) as TokenList).tokens).toContainEqual(expect.objectContaining({ name: "cursor-ui", admin: false, revokedAt: null }));
    expect(listText).not.toContain(created.body.token);
    const tool = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: created.body.token, maxRetries: 0 });
    expect((await tool.models.list()).data.length).toBeGreaterThan(0);
    expect((await admin("/admin/v1/tokens", { method: "POST", body: { name: "cursor-ui" } })).status).toBe(409);
    expect((await admin("/admin/v1/tokens/cursor-ui", { method: "DELETE" })).status).toBe(204);
    expect(await tool.models.list().catch((error: unknown) => (error as { status?: number }).status)).toBe(401);
    expect((await admin("/admin/v1/tokens/cursor-ui", { method: "DELETE" })).status).toBe(404);
  });
});

describe("audit", () => {
  it("exports a signed JSONL file that verifies offline, and CSV", async () => {
    const jsonl = await admin("/admin/v1/export?format=jsonl");
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-disposition")).toMatch(/attachment; filename="privacy-router-audit-.*\.jsonl"/);
    const text = await jsonl.text();
    const file = join(harness.dataDir, "export.jsonl");
    writeFileSync(file, text);
    const verification = await verifyExportFile(file);
    expect(verification.ok).toBe(true);
    expect(verification.records).toBeGreaterThan(2);

    const csv = await (await admin("/admin/v1/export?format=csv")).text();
    const lines = csv.trim().split("\r\n");
    expect(lines.length).toBe(verification.records + 1);
    expect((await admin("/admin/v1/export?format=xml")).status).toBe(400);
    expect((await admin("/admin/v1/export?format=csv&route=cloud")).status).toBe(400);
  });

  it("verifies the trail beside the requests and reports the result", async () => {
    const started = await json<{ state: string }>("/admin/v1/audit/verify", { method: "POST" });
    expect(started.status).toBe(202);
    expect(["running", "done"]).toContain(started.body.state);
    let state = started.body as { state: string; result?: { ok: boolean; records: number; firstBroken: unknown } | null };
    while (state.state === "running") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = (await json<typeof state>("/admin/v1/audit/verify")).body;
    }
    expect(state.state).toBe("done");
    expect(state.result).toMatchObject({ ok: true, firstBroken: null });
    expect(state.result?.records).toBeGreaterThan(2);
    const status = await json<{ records: number; chainId: string | null }>("/admin/v1/audit/status");
    expect(status.body.chainId).not.toBeNull();
    expect(status.body.records).toBeGreaterThanOrEqual(state.result?.records ?? 0);
  });

  it("answers the Overview's series: routes, findings, spend and savings per bucket", async () => {
    const series = await json<SummarySeries>("/admin/v1/summary/series?bucket=hour");
    expect(series.status).toBe(200);
    expect(series.body.savingsPricedAs).toBe("fake/fake-model");
    const totals = series.body.points.reduce((sum, point) => ({ cloud: sum.cloud + point.cloud, email: sum.email + (point.findingsByType.EMAIL ?? 0), cost: sum.cost + point.costUsd }), { cloud: 0, email: 0, cost: 0 });
    expect(totals.cloud).toBeGreaterThanOrEqual(3);
    expect(totals.email).toBeGreaterThanOrEqual(3);
    expect(totals.cost).toBeGreaterThan(0);
    expect((await admin("/admin/v1/summary/series?bucket=week")).status).toBe(400);
  });

  it("reports spend against each configured budget in the status, as the routing decision counts it", async () => {
    const status = await json<GatewayStatus>("/admin/v1/status");
    expect(status.status).toBe(200);
    expect(status.body.budgets.whenExceeded).toBe("local");
    expect(status.body.budgets.meters.map(({ provider, period, capUsd }) => ({ provider, period, capUsd }))).toEqual([
      { provider: null, period: "month", capUsd: 100 },
      { provider: "fake", period: "day", capUsd: 50 },
    ]);
    const [month, fakeDay] = status.body.budgets.meters;
    // Priced cloud requests were served above; today's are part of this month's.
    expect(fakeDay?.spentUsd).toBeGreaterThan(0);
    expect(month?.spentUsd).toBeGreaterThanOrEqual(fakeDay?.spentUsd ?? Number.POSITIVE_INFINITY);
  });

  it("shows the text a logging rule keeps, and none where it keeps metadata only", async () => {
    provider.setScenario({ kind: "text", text: "plain answer" });
    const kept = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "what is two plus two" }] }).withResponse();
    const keptId = kept.response.headers.get("x-privacy-router-request-id") ?? "";
    const content = await json<{ level: string; document: { request: { messages: Array<{ content: string }> } } }>(`/admin/v1/requests/${keptId}/content`);
    expect(content.status).toBe(200);
    expect(content.body.level).toBe("full");
    expect(content.body.document.request.messages[0]?.content).toBe("what is two plus two");

    const personal = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "write to ada@example.org" }] }).withResponse();
    const personalId = personal.response.headers.get("x-privacy-router-request-id") ?? "";
    expect((await admin(`/admin/v1/requests/${personalId}/content`)).status).toBe(404);
  });
});
