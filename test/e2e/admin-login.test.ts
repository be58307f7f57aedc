import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../gateway/cli/main.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

let harness: TestGateway;
let now = new Date("2026-03-01T12:00:00.000Z");
let uiDirectory: string;
let host: string;
let ownOrigin: string;
let cookieName: string;

beforeAll(async () => {
  uiDirectory = mkdtempSync(join(tmpdir(), "pr-ui-"));
  mkdirSync(join(uiDirectory, "assets"));
  writeFileSync(join(uiDirectory, "index.html"), '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(join(uiDirectory, "assets", "index-abc123.js"), "console.log('ui');");
  writeFileSync(join(uiDirectory, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  harness = await startTestGateway({ clock: () => now, uiDirectory });
  host = `127.0.0.1:${harness.gateway.port}`;
  ownOrigin = `http://${host}`;
  cookieName = `privacy_router_session_${harness.gateway.port}`;
});

afterAll(async () => {
  await harness?.close();
  rmSync(uiDirectory, { recursive: true, force: true });
});

/** In-process, with the headers a browser would send (a socket client cannot set Host or Sec-Fetch-Site). */
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return Promise.resolve(harness.gateway.app.request(`${ownOrigin}${path}`, { ...init, headers: { host, ...init.headers } }));
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get("token") ?? "";
}

async function signIn(): Promise<string> {
  const response = await request(`/login?token=${tokenOf(harness.gateway.loginUrl())}`);
  expect(response.status).toBe(303);
  const cookie = /^([^=]+)=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  expect(cookie?.[1]).toBe(cookieName);
  return `${cookieName}=${cookie?.[2] ?? ""}`;
}

describe("signing in to the UI", () => {
  it("trades a one-time link for an HttpOnly, SameSite=Strict session cookie and drops the token from the address bar", async () => {
    const url = harness.gateway.loginUrl();
    expect(url).toMatch(new RegExp(`^${ownOrigin}/login\\?token=[A-Za-z0-9_-]{43}$`));
    const response = await request(`/login?token=${tokenOf(url)}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${cookieName}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain(tokenOf(url));

    const cookie = setCookie.split(";")[0] as string;
    const session = await request("/admin/v1/session", { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ kind: "session", name: "ui", idleTimeoutSeconds: 1800 });

    // The same link a second time: refused, with a page that says what to do.
    const again = await request(`/login?token=${tokenOf(url)}`);
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.text()).toContain("privacy-router login");
  });

  it("refuses an expired link and an unknown one", async () => {
    const url = harness.gateway.loginUrl();
    now = new Date(now.getTime() + 5 * 60_000 + 1_000);
    const expired = await request(`/login?token=${tokenOf(url)}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    expect((await request("/login?token=not-a-real-token")).status).toBe(400);
    expect((await request("/login")).status).toBe(400);
  });

  it("keeps only a hash of the link's token in the database", async () => {
    const token = tokenOf(harness.gateway.loginUrl());
    const { readFileSync } = await import("node:fs");
    const bytes = Buffer.concat(["privacy-router.sqlite", "privacy-router.sqlite-wal"].map((name) => {
      try {
        return readFileSync(join(harness.dataDir, name));
      } catch {
        return Buffer.alloc(0);
      }
    }));
    expect(bytes.includes(Buffer.from(token))).toBe(false);
  });

  it("ends a session after 30 idle minutes, and a request in time keeps it alive", async () => {
    const cookie = await signIn();
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await request("/admin/v1/status", { headers: { cookie } })).status).toBe(200);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await request("/admin/v1/status", { headers: { cookie } })).status).toBe(200);
    now = new Date(now.getTime() + 30 * 60_000 + 1_000);
    const expired = await request("/admin/v1/status", { headers: { cookie } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe("login_required");
  });

  it("logs out: the cookie is cleared and stops working", async () => {
    const cookie = await signIn();
    const logout = await request("/admin/v1/logout", { method: "POST", headers: { cookie, origin: ownOrigin } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toMatch(new RegExp(`^${cookieName}=;.*Max-Age=0`));
    expect((await request("/admin/v1/session", { headers: { cookie } })).status).toBe(401);
  });
});

describe("the admin door", () => {
  it("refuses a cookie request that changes something without our exact Origin", async () => {
    const cookie = await signIn();
    const body = JSON.stringify({ on: false });
    const put = (headers: Record<string, string>) => request("/admin/v1/local-only", { method: "PUT", body, headers: { cookie, "content-type": "application/json", ...headers } });
    expect((await put({})).status).toBe(403);
    expect((await put({ origin: "http://evil.example" })).status).toBe(403);
    // localhost is another origin than 127.0.0.1, though both are this gateway.
    expect((await put({ origin: `http://localhost:${harness.gateway.port}` })).status).toBe(403);
    expect((await put({ origin: ownOrigin, "sec-fetch-site": "same-site" })).status).toBe(403);
    const accepted = await put({ origin: ownOrigin, "sec-fetch-site": "same-origin" });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a cookie read that another site's page starts", async () => {
    const cookie = await signIn();
    expect((await request("/admin/v1/requests", { headers: { cookie, "sec-fetch-site": "same-site" } })).status).toBe(403);
    expect((await request("/admin/v1/requests", { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await request("/admin/v1/requests", { headers: { cookie, "sec-fetch-site": "same-origin" } })).status).toBe(200);
  });

  it("refuses client tokens and requests with nothing, and takes admin tokens", async () => {
    const client = await request("/admin/v1/session", { headers: { authorization: `Bearer ${harness.token}` } });
    expect(client.status).toBe(403);
    expect(((await client.json()) as { error: { code: string } }).error.code).toBe("admin_required");
    expect((await request("/admin/v1/session")).status).toBe(401);
    const adminToken = harness.gateway.tokens.create("login-test-admin", { admin: true });
    const admin = await request("/admin/v1/session", { headers: { authorization: `Bearer ${adminToken}` } });
    expect(await admin.json()).toEqual({ kind: "token", name: "login-test-admin", expiresAt: null, idleTimeoutSeconds: null });
  });
});

describe("the UI's files", () => {
  it("serves index.html and hashed assets without a session, with a strict CSP and no CORS", async () => {
    const index = await request("/");
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    expect(index.headers.get("referrer-policy")).toBe("no-referrer");
    expect(index.headers.get("access-control-allow-origin")).toBeNull();

    const script = await request("/assets/index-abc123.js", { headers: { origin: ownOrigin } });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect(script.headers.get("access-control-allow-origin")).toBeNull();
    expect((await request("/favicon.svg")).headers.get("content-type")).toBe("image/svg+xml");
  });

  it("serves nothing outside the build", async () => {
    for (const path of ["/assets/..%2F..%2Fpackage.json", "/assets/%2e%2e%2fconfig.yaml", "/assets/missing.js", "/config.yaml", "/package.json", "/assets/.hidden.js"]) {
      expect((await request(path)).status, path).toBe(404);
    }
  });

  it("says how to build the UI when there is none", async () => {
    const bare = await startTestGateway({ uiDirectory: join(uiDirectory, "nothing-here") });
    try {
      const response = await bare.gateway.app.request(`http://127.0.0.1:${bare.gateway.port}/`, { headers: { host: `127.0.0.1:${bare.gateway.port}` } });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build");
    } finally {
      await bare.close();
    }
  });
});

describe("privacy-router login", () => {
  it("prints a fresh one-time link for the running gateway", async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let printed = "";
    stdout.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
    const code = await main(["login", "--data-dir", harness.dataDir], { stdout, stderr, stdin: new PassThrough(), env: {} });
    expect(code).toBe(0);
    const url = printed.trim();
    expect(url.startsWith(`${ownOrigin}/login?token=`)).toBe(true);
    expect((await request(new URL(url).pathname + new URL(url).search)).status).toBe(303);
  });

  it("says so when no gateway runs on the data directory", async () => {
    const empty = mkdtempSync(join(tmpdir(), "pr-login-"));
    const stderr = new PassThrough();
    let said = "";
    stderr.on("data", (chunk: Buffer) => (said += chunk.toString("utf8")));
    try {
      expect(await main(["login", "--data-dir", empty], { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {} })).toBe(1);
      expect(said).toContain("privacy-router serve");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
