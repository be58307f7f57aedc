import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpAdminApi } from "../api/admin-api.js";
import { reconnectDelayMs } from "../api/event-stream.js";
import { createAppStore } from "./create-app-store.js";
import { selectIsOffline } from "./selectors.js";

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the connection slice with the HTTP client", () => {
  it("explains an ended session with the login command", async () => {
    vi.stubGlobal("fetch", async () => answer(401, { error: { message: "Sign in first.", type: "authentication_error", param: null, code: "login_required" } }));
    const store = createAppStore(createHttpAdminApi());
    await store.getState().loadGateway();
    expect(store.getState().connection.status).toBe("session-expired");
    expect(store.getState().connection.message).toContain("privacy-router login");
    expect(selectIsOffline(store.getState())).toBe(true);
  });

  it("says the gateway is unreachable when the connection itself fails, and recovers on the next good answer", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const store = createAppStore(createHttpAdminApi());
    await store.getState().seedLive();
    expect(store.getState().connection.status).toBe("unreachable");
    vi.stubGlobal("fetch", async () => answer(200, { records: [], nextBefore: null }));
    await store.getState().seedLive();
    expect(store.getState().connection.status).toBe("connected");
  });

  it("carries the gateway's field messages on a refused config", async () => {
    const issues = [{ path: "policy.classes.health", message: "Expected forward, pseudonymize, local-only or block", line: 3 }];
    vi.stubGlobal("fetch", async () => answer(400, { error: { message: "The config is not valid.", type: "invalid_request_error", param: null, code: "invalid_config" }, issues }));
    const store = createAppStore(createHttpAdminApi());
    store.getState().editPolicy("policy:\n  classes:\n    health: sideways\n");
    await store.getState().savePolicy();
    expect(store.getState().policy.saveState).toBe("refused");
    expect(store.getState().policy.issues).toEqual(issues);
    expect(store.getState().policy.draft).toContain("sideways");
    expect(store.getState().connection.status).toBe("unknown");
  });

  it("sends the session cookie's origin rules: same origin, JSON bodies", async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      seen.push(init);
      return answer(200, { on: true, forcedByConfig: false });
    });
    await createHttpAdminApi().setLocalOnly(true);
    expect(seen[0]).toMatchObject({ method: "PUT", credentials: "same-origin", body: JSON.stringify({ on: true }) });
    expect((seen[0]?.headers as Record<string, string>)["content-type"]).toBe("application/json");
  });

  it("waits longer after each failed reconnect, up to 30 seconds", () => {
    expect([1, 2, 3, 4, 10].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 30000]);
  });
});
