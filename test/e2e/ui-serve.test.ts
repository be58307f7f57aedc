import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditVerificationState, ConfigDocument } from "../../shared/admin-api.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { assertBuilt, runCli, startServeCli, type ServingCli } from "../support/run-cli.js";

let dataDir: string;
let provider: FakeOpenAIProvider;
let serving: ServingCli;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(join(tmpdir(), "pr-ui-serve-"));
  provider = await startFakeOpenAIProvider();
  writeFileSync(join(dataDir, "config.yaml"), stringify({ providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }] }));
  env = { PRIVACY_ROUTER_HOME: dataDir, PRIVACY_ROUTER_KEYCHAIN_SERVICE: `privacy-router-test-${randomUUID()}`, PRIVACY_ROUTER_KEY_FAKE: "sk-uiserve-0123456789abcdefghij" };
  serving = await startServeCli(["--port", "0"], { env });
});

afterAll(async () => {
  await serving?.stop();
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function loginUrlIn(text: string): string | undefined {
  return /(http:\/\/127\.0\.0\.1:\d+\/login\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
}

/** Signs in as the UI does; the headers it then sends: the cookie, and the page secret from the redirect's fragment. */
async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(303);
  const secret = /^\/#session=([A-Za-z0-9_-]+)$/.exec(response.headers.get("location") ?? "")?.[1];
  expect(secret).toBeDefined();
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] as string, "x-privacy-router-session": secret as string };
}

describe("the UI behind `serve`", () => {
  it("prints a one-time sign-in link; `login` prints a fresh one for the same gateway", async () => {
    const printed = loginUrlIn(serving.stdout());
    expect(printed, serving.stdout()).toBeDefined();
    expect(printed?.startsWith(`${serving.url}/login?token=`)).toBe(true);
    const signedIn = await signIn(printed as string);
    expect((await fetch(printed as string, { redirect: "manual" })).status).toBe(400);

    const session = await fetch(`${serving.url}/admin/v1/session`, { headers: signedIn });
    expect(await session.json()).toMatchObject({ kind: "session" });
    const page = await fetch(`${serving.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");

    const login = await runCli(["login"], { env });
    expect(login.code, login.stderr).toBe(0);
    const fresh = loginUrlIn(login.stdout);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(printed);
    await signIn(fresh as string);
  });

  it("verifies the audit trail off the request thread, with a session and our own Origin", async () => {
    const token = /^\s+(prt_[A-Za-z0-9_-]{43})$/m.exec(serving.stdout())?.[1] as string;
    const client = new OpenAI({ baseURL: `${serving.url}/v1`, apiKey: token, maxRetries: 0 });
    await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] });
    const signedIn = await signIn((loginUrlIn((await runCli(["login"], { env })).stdout) as string));
    expect((await fetch(`${serving.url}/admin/v1/audit/verify`, { method: "POST", headers: signedIn })).status).toBe(403);
    let state = (await (await fetch(`${serving.url}/admin/v1/audit/verify`, { method: "POST", headers: { ...signedIn, origin: serving.url } })).json()) as AuditVerificationState;
    while (state.state === "running") {
      // Requests are still answered while it runs.
      expect((await fetch(`${serving.url}/healthz`)).status).toBe(200);
      state = (await (await fetch(`${serving.url}/admin/v1/audit/verify`, { headers: signedIn })).json()) as AuditVerificationState;
    }
    expect(state).toMatchObject({ state: "done", result: { ok: true, firstBroken: null } });
    expect(state.result?.records).toBeGreaterThanOrEqual(1);
  });

  it("edits config.yaml from the UI and keeps the previous file", async () => {
    const signedIn = await signIn(loginUrlIn((await runCli(["login"], { env })).stdout) as string);
    const current = (await (await fetch(`${serving.url}/admin/v1/config`, { headers: signedIn })).json()) as ConfigDocument;
    expect(current.path).toBe(join(dataDir, "config.yaml"));
    const saved = await fetch(`${serving.url}/admin/v1/config`, {
      method: "PUT",
      headers: { ...signedIn, origin: serving.url, "content-type": "application/json" },
      body: JSON.stringify({ text: `${current.text}policy:\n  localOnly: true\n`, baseRevision: current.revision }),
    });
    expect(saved.status).toBe(200);
    const token = /^\s+(prt_[A-Za-z0-9_-]{43})$/m.exec(serving.stdout())?.[1] as string;
    const refused = await fetch(`${serving.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-privacy-router-policy")).toBe(((await saved.json()) as { policyVersion: string }).policyVersion);
  });
});
