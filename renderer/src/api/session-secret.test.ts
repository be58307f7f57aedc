import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpAdminApi } from "./admin-api.js";
import { adoptSessionFromAddress, secretInFragment, sessionHeaders, sessionSecret } from "./session-secret.js";

/** A tab's sessionStorage, for a test run outside a browser. */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

/** A window at `/` + hash whose history records what replaceState was given. */
function fakeWindow(hash: string): { replaced: string[] } {
  const replaced: string[] = [];
  const location = { hash, pathname: "/", search: "" };
  vi.stubGlobal("window", {
    location,
    history: {
      replaceState: (_state: unknown, _title: string, url: string) => {
        replaced.push(url);
        location.hash = "";
      },
    },
  });
  return { replaced };
}

const secret = "Q2hvb3NlIGEgbG9uZyByYW5kb20gdmFsdWUgaGVyZSEh_-x";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the page secret", () => {
  it("moves from the login redirect's fragment into sessionStorage and out of the address bar", () => {
    vi.stubGlobal("sessionStorage", memoryStorage());
    const { replaced } = fakeWindow(`#session=${secret}`);
    adoptSessionFromAddress();
    expect(sessionSecret()).toBe(secret);
    expect(replaced).toEqual(["/"]);
    expect(sessionHeaders()).toEqual({ "x-privacy-router-session": secret });
  });

  it("leaves a view route alone, and wipes a malformed secret without keeping it", () => {
    vi.stubGlobal("sessionStorage", memoryStorage());
    const route = fakeWindow("#/audit");
    adoptSessionFromAddress();
    expect(route.replaced).toEqual([]);
    expect(sessionSecret()).toBeNull();
    const malformed = fakeWindow("#session=<script>");
    adoptSessionFromAddress();
    expect(malformed.replaced).toEqual(["/"]);
    expect(sessionSecret()).toBeNull();
    expect(sessionHeaders()).toEqual({});
    expect(secretInFragment(`#session=${secret}&more`)).toBeNull();
  });

  it("is sent as a header on every admin call, and forgotten on logout", async () => {
    vi.stubGlobal("sessionStorage", memoryStorage());
    fakeWindow(`#session=${secret}`);
    adoptSessionFromAddress();
    const seen: Array<Record<string, string>> = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response(null, { status: 204 });
    });
    const api = createHttpAdminApi();
    await api.logout();
    expect(seen[0]?.["x-privacy-router-session"]).toBe(secret);
    expect(sessionSecret()).toBeNull();
  });

  it("works without storage at all: no header, so the gateway answers signed out", () => {
    expect(sessionSecret()).toBeNull();
    expect(sessionHeaders()).toEqual({});
  });
});
