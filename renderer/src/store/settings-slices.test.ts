import { describe, expect, it } from "vitest";
import type { ModelEvent, ProviderView } from "../../../shared/admin-api.js";
import type { ModelsOverview } from "../../../shared/local-models.js";
import { applyAdminEvent } from "../api/event-stream.js";
import { fakeAdminApi } from "../test-support/fake-admin-api.js";
import { createAppStore } from "./create-app-store.js";
import { issuesOnLine } from "./policy-slice.js";
import { selectProvidersWithoutKey } from "./selectors.js";

function provider(configured: boolean): ProviderView {
  return {
    id: "openai",
    kind: "openai",
    baseUrl: "https://api.openai.com/v1",
    models: ["gpt-4o"],
    dataPolicy: { retentionDays: 30, trainsOnData: false, zeroDataRetention: false, region: "us" },
    supported: true,
    key: { configured, source: configured ? "keychain" : null, environmentVariable: "PRIVACY_ROUTER_KEY_OPENAI", problem: null },
  };
}

describe("the providers slice", () => {
  it("hands a key to the gateway and keeps only whether one is configured", async () => {
    let configured = false;
    const secret = "sk-test-abcdefghijklmnopqrstuvwxyz012345";
    const api = fakeAdminApi({
      providers: async () => ({ providers: [provider(configured)] }),
      setProviderKey: async () => {
        configured = true;
        return provider(true).key;
      },
    });
    const store = createAppStore(api);
    await store.getState().loadProviders();
    expect(selectProvidersWithoutKey(store.getState())).toEqual(["openai"]);
    expect(await store.getState().setProviderKey("openai", secret)).toBe(true);
    expect(api.calls.find((call) => call.method === "setProviderKey")?.args).toEqual(["openai", secret]);
    expect(store.getState().providers.list.data?.[0]?.key.configured).toBe(true);
    expect(JSON.stringify(store.getState())).not.toContain(secret);
  });

  it("keeps a refused save's field messages for the form", async () => {
    const { AdminApiError } = await import("../api/admin-error.js");
    const issues = [{ path: "providers[0].baseUrl", message: "Must be an https URL" }];
    const store = createAppStore(fakeAdminApi({ saveProvider: () => Promise.reject(new AdminApiError("invalid", "The provider is not valid.", { status: 400, issues })) }));
    const saved = await store.getState().saveProvider("openai", { kind: "openai", baseUrl: "ftp://x", models: [] });
    expect(saved).toBe(false);
    expect(store.getState().providers.actionError).toMatchObject({ providerId: "openai" });
    expect(store.getState().providers.actionError?.error.issues).toEqual(issues);
  });
});

describe("the tokens slice", () => {
  it("shows a created token once and forgets it when dismissed; the list never holds values", async () => {
    const created = { name: "cursor", admin: false, token: "prt_created_once_0123456789" };
    const store = createAppStore(
      fakeAdminApi({
        createToken: async () => created,
        tokens: async () => ({ tokens: [{ name: "cursor", admin: false, createdAt: "2026-01-15T10:00:00.000Z", revokedAt: null }] }),
      }),
    );
    await store.getState().createToken("cursor", false);
    expect(store.getState().tokens.created?.token).toBe(created.token);
    expect(JSON.stringify(store.getState().tokens.list)).not.toContain(created.token);
    store.getState().dismissCreatedToken();
    expect(JSON.stringify(store.getState())).not.toContain(created.token);
  });
});

describe("the policy slice", () => {
  it("tracks a draft only while it differs from the saved text", async () => {
    const store = createAppStore(fakeAdminApi({ config: async () => ({ text: "policy: {}\n", revision: "r1", policyVersion: "p1", path: "config.yaml" }) }));
    await store.getState().loadPolicy();
    store.getState().editPolicy("policy: { localOnly: true }\n");
    expect(store.getState().policy.draft).toBe("policy: { localOnly: true }\n");
    store.getState().editPolicy("policy: {}\n");
    expect(store.getState().policy.draft).toBeNull();
  });

  it("sends the revision it started from, so a concurrent edit is not overwritten", async () => {
    const api = fakeAdminApi({
      config: async () => ({ text: "a: 1\n", revision: "r1", policyVersion: "p1", path: "config.yaml" }),
      saveConfig: async () => ({ revision: "r2", policyVersion: "p2", restartRequired: [] }),
    });
    const store = createAppStore(api);
    await store.getState().loadPolicy();
    store.getState().editPolicy("a: 2\n");
    await store.getState().savePolicy();
    expect(api.calls.find((call) => call.method === "saveConfig")?.args[0]).toEqual({ text: "a: 2\n", baseRevision: "r1" });
    expect(store.getState().policy.saveState).toBe("saved");
    expect(store.getState().policy.lastSaved?.policyVersion).toBe("p2");
  });

  it("finds the messages of one line", () => {
    const issues = [
      { path: "a", message: "x", line: 2 },
      { path: "b", message: "y", line: 5 },
    ];
    expect(issuesOnLine(issues, 5)).toEqual([issues[1]]);
  });
});

describe("the models slice", () => {
  it("moves the progress bar on download events and asks again when the state changes", async () => {
    let loads = 0;
    const overview: ModelsOverview = { active: { status: "not-configured" }, activeReference: null, catalogue: [], otherInstalled: [] };
    const store = createAppStore(
      fakeAdminApi({
        models: async () => {
          loads += 1;
          return overview;
        },
      }),
    );
    await store.getState().loadModels();
    const progress = (receivedBytes: number): ModelEvent => ({ type: "model", modelId: "tiny", state: "downloading", receivedBytes, totalBytes: 100 });
    applyAdminEvent(store, progress(10));
    applyAdminEvent(store, progress(60));
    expect(store.getState().models.events.tiny?.receivedBytes).toBe(60);
    await Promise.resolve();
    const afterProgress = loads;
    applyAdminEvent(store, { type: "model", modelId: "tiny", state: "ready" });
    await Promise.resolve();
    expect(afterProgress).toBe(2);
    expect(loads).toBe(3);
  });
});

describe("the trail slice", () => {
  it("keeps a finished verification when the older 'running' answer arrives after its event", () => {
    const store = createAppStore(fakeAdminApi());
    const startedAt = "2026-01-15T10:00:00.000Z";
    const done = { state: "done" as const, startedAt, finishedAt: "2026-01-15T10:00:01.000Z", error: null, result: { ok: true, records: 2, keyFingerprint: null, anchors: [], incidents: 0, firstBroken: null, problems: [], moreProblems: false } };
    applyAdminEvent(store, { type: "audit.verify", verification: done });
    store.getState().receiveVerification({ state: "running", startedAt, finishedAt: null, result: null, error: null });
    expect(store.getState().trail.verification?.state).toBe("done");
    store.getState().receiveVerification({ state: "running", startedAt: "2026-01-15T11:00:00.000Z", finishedAt: null, result: null, error: null });
    expect(store.getState().trail.verification?.state).toBe("running");
  });
});
