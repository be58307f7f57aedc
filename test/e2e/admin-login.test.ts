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

/** What a signed-in page holds: the cookie (the browser's) and the page secret (sessionStorage's), as request headers. */
interface SignedIn {
  cookie: string;
  secret: string;
  /** Both halves, as the UI sends them. */
  headers: Record<string, string>;
}

async function signIn(): Promise<SignedIn> {
  const response = await request(`/login?token=${tokenOf(harness.gateway.loginUrl())}`);
  expect(response.status).toBe(303);
  const cookie = /^([^=]+)=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  expect(cookie?.[1]).toBe(cookieName);
  const secret = /^\/#session=([A-Za-z0-9_-]{43})$/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
  expect(secret).not.toBe("");
  const cookieHeader = `${cookieName}=${cookie?.[2] ?? ""}`;
  return { cookie: cookieHeader, secret, headers: { cookie: cookieHeader, "x-privacy-router-session": secret } };
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("signing in to the UI", () => {
  it("trades a one-time link for an HttpOnly, SameSite=Strict cookie and a page secret in the fragment, and drops the token from the address bar", async () => {
    const url = harness.gateway.loginUrl();
    expect(url).toMatch(new RegExp(`^${ownOrigin}/login\\?token=[A-Za-z0-9_-]{43}$`));
    const response = await request(`/login?token=${tokenOf(url)}`);
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    // Only a fragment: nothing after `/` but `#`, so no query reaches the server or its logs.
    expect(location).toMatch(/^\/#session=[A-Za-z0-9_-]{43}$/);
    expect(new URL(location, ownOrigin).search).toBe("");
    expect(location).not.toContain(tokenOf(url));
    const secret = location.slice("/#session=".length);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${cookieName}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain(tokenOf(url));
    // Two different values: the cookie a server on another port may see is not the page secret.
    expect(setCookie).not.toContain(secret);

    const cookie = setCookie.split(";")[0] as string;
    const session = await request("/admin/v1/session", { headers: { cookie, "x-privacy-router-session": secret } });
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
    const { headers } = await signIn();
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await request("/admin/v1/status", { headers })).status).toBe(200);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await request("/admin/v1/status", { headers })).status).toBe(200);
    now = new Date(now.getTime() + 30 * 60_000 + 1_000);
    const expired = await request("/admin/v1/status", { headers });
    expect(expired.status).toBe(401);
    expect(await codeOf(expired)).toBe("login_required");
  });

  it("ends a session 12 hours after sign-in however busy it is, and says so in expiresAt", async () => {
    const { headers } = await signIn();
    const signedInAt = now.getTime();
    // A request every 25 minutes: never idle, yet the session has an end.
    while (now.getTime() + 25 * 60_000 < signedInAt + 12 * 3_600_000) {
      now = new Date(now.getTime() + 25 * 60_000);
      const session = await request("/admin/v1/session", { headers });
      expect(session.status).toBe(200);
      const { expiresAt } = (await session.json()) as { expiresAt: string };
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(signedInAt + 12 * 3_600_000);
    }
    now = new Date(signedInAt + 12 * 3_600_000);
    const ended = await request("/admin/v1/session", { headers });
    expect(ended.status).toBe(401);
    expect(await codeOf(ended)).toBe("login_required");
  });

  it("logs out: the cookie is cleared and the session stops working", async () => {
    const { headers } = await signIn();
    const logout = await request("/admin/v1/logout", { method: "POST", headers: { ...headers, origin: ownOrigin } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toMatch(new RegExp(`^${cookieName}=;.*Max-Age=0`));
    expect((await request("/admin/v1/session", { headers })).status).toBe(401);
  });
});

describe("a session cookie seen by another local server", () => {
  it("opens nothing alone: replayed outside a browser with a forged Origin, it gets 401", async () => {
    const { cookie, headers } = await signIn();
    const forged = { cookie, origin: ownOrigin, "sec-fetch-site": "same-origin" };
    const read = await request("/admin/v1/tokens", { headers: forged });
    expect(read.status).toBe(401);
    expect(await codeOf(read)).toBe("login_required");
    const write = await request("/admin/v1/tokens", { method: "POST", body: JSON.stringify({ name: "stolen", admin: true }), headers: { ...forged, "content-type": "application/json" } });
    expect(write.status).toBe(401);
    expect((await request("/admin/v1/events", { headers: forged })).status).toBe(401);
    expect((await request("/admin/v1/export?format=csv", { headers: forged })).status).toBe(401);
    // The cookie's own value in the header's place is not the page secret either.
    expect((await request("/admin/v1/session", { headers: { cookie, "x-privacy-router-session": cookie.split("=")[1] as string } })).status).toBe(401);
    // The real page, with both halves, still gets in.
    expect((await request("/admin/v1/session", { headers })).status).toBe(200);
  });

  it("needs the cookie too: the page secret alone, or with another session's cookie, gets 401", async () => {
    const first = await signIn();
    const second = await signIn();
    expect((await request("/admin/v1/session", { headers: { "x-privacy-router-session": first.secret } })).status).toBe(401);
    expect((await request("/admin/v1/session", { headers: { "x-privacy-router-session": first.secret, cookie: second.cookie } })).status).toBe(401);
    expect((await request("/admin/v1/session", { headers: second.headers })).status).toBe(200);
  });

  it("a cookie planted by another port's page neither locks the real session out nor gets in", async () => {
    const { cookie, secret } = await signIn();
    const planted = `${cookieName}=planted-by-another-port-0123456789abcdefghijk`;
    // A planted cookie with a longer path is sent first; both orders are tried.
    for (const both of [`${planted}; ${cookie}`, `${cookie}; ${planted}`]) {
      expect((await request("/admin/v1/session", { headers: { cookie: both, "x-privacy-router-session": secret } })).status).toBe(200);
    }
    expect((await request("/admin/v1/session", { headers: { cookie: planted, "x-privacy-router-session": secret } })).status).toBe(401);
    // A jar stuffed with copies is refused outright.
    const stuffed = Array.from({ length: 9 }, () => planted).concat(cookie).join("; ");
    expect((await request("/admin/v1/session", { headers: { cookie: stuffed, "x-privacy-router-session": secret } })).status).toBe(401);
  });
});

describe("export downloads", () => {
  it("download with a single-use ticket and the session's cookie, never with the ticket alone", async () => {
    const { cookie, headers } = await signIn();
    const issue = () => request("/admin/v1/export/ticket", { method: "POST", body: JSON.stringify({ format: "csv" }), headers: { ...headers, origin: ownOrigin, "content-type": "application/json" } });
    const issued = await issue();
    expect(issued.status).toBe(200);
    const { href } = (await issued.json()) as { href: string; expiresAt: string };
    expect(href).toMatch(/^\/admin\/v1\/export\?format=csv&ticket=[A-Za-z0-9_-]{43}$/);

    // Without the cookie (another local server that learned the link): refused, and the ticket is spent.
    expect((await request(href)).status).toBe(401);
    expect((await request(href, { headers: { cookie, "sec-fetch-site": "same-origin" } })).status).toBe(401);

    const second = (await (await issue()).json()) as { href: string };
    const download = await request(second.href, { headers: { cookie, "sec-fetch-site": "same-origin" } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(".csv");
    await download.text();
    // Once only.
    expect((await request(second.href, { headers: { cookie, "sec-fetch-site": "same-origin" } })).status).toBe(401);

    // A ticket waits a minute at most.
    const third = (await (await issue()).json()) as { href: string };
    now = new Date(now.getTime() + 61_000);
    expect((await request(third.href, { headers: { cookie, "sec-fetch-site": "same-origin" } })).status).toBe(401);

    // A ticket opens the export and nothing else.
    const fourth = (await (await issue()).json()) as { href: string };
    const ticket = new URL(fourth.href, ownOrigin).searchParams.get("ticket") ?? "";
    expect((await request(`/admin/v1/tokens?ticket=${ticket}`, { headers: { cookie } })).status).toBe(401);
  });
});

describe("the admin door", () => {
  it("refuses a session request that changes something without our exact Origin", async () => {
    const session = await signIn();
    const body = JSON.stringify({ on: false });
    const put = (headers: Record<string, string>) => request("/admin/v1/local-only", { method: "PUT", body, headers: { ...session.headers, "content-type": "application/json", ...headers } });
    expect((await put({})).status).toBe(403);
    expect((await put({ origin: "http://evil.example" })).status).toBe(403);
    // localhost is another origin than 127.0.0.1, though both are this gateway.
    expect((await put({ origin: `http://localhost:${harness.gateway.port}` })).status).toBe(403);
    expect((await put({ origin: ownOrigin, "sec-fetch-site": "same-site" })).status).toBe(403);
    const accepted = await put({ origin: ownOrigin, "sec-fetch-site": "same-origin" });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a session read that another site's page starts", async () => {
    const { headers } = await signIn();
    expect((await request("/admin/v1/requests", { headers: { ...headers, "sec-fetch-site": "same-site" } })).status).toBe(403);
    expect((await request("/admin/v1/requests", { headers: { ...headers, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await request("/admin/v1/requests", { headers: { ...headers, "sec-fetch-site": "same-origin" } })).status).toBe(200);
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
