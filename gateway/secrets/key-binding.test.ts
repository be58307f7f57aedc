import { describe, expect, it } from "vitest";
import { GatewayError } from "../../shared/errors.js";
import { createEgressGate } from "../pipeline/egress-gate.js";
import { boundOriginOf, describeBinding, keyForOrigin, keyOriginMismatchMessage } from "./key-binding.js";
import { decodeStoredKey, encodeStoredKey } from "./key-envelope.js";
import { originOf } from "./key-origin.js";
import { createKeyStore } from "./key-store.js";
import { createMemoryKeychain } from "./memory-keychain.js";
import { bindBareKeys, startupKeyOrigins } from "./startup-key-origins.js";

const secret = "sk-binding-0123456789abcdefghijklmnop";
const genuine = "https://api.openai.com";
const elsewhere = "http://127.0.0.1:38111";

describe("key origins and the keychain envelope", () => {
  it("reduces a base URL to scheme, host and port", () => {
    expect(originOf("https://API.openai.com/v1")).toBe("https://api.openai.com");
    expect(originOf("https://api.openai.com:443/v1")).toBe("https://api.openai.com");
    expect(originOf("http://127.0.0.1:38111/v1?x=1")).toBe("http://127.0.0.1:38111");
    expect(originOf("https://user:pass@example.org/v1")).toBe("https://example.org");
    expect(originOf("ftp://example.org")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
  });

  it("reads an envelope back, and a bare key as a key with no origin", () => {
    expect(decodeStoredKey(encodeStoredKey(secret, genuine))).toEqual({ key: secret, origin: genuine });
    expect(decodeStoredKey(secret)).toEqual({ key: secret });
    expect(decodeStoredKey('{"privacyRouterKey":1,"origin":')).toEqual({ key: '{"privacyRouterKey":1,"origin":' });
  });

  it("stores the origin beside the key, and describes it without the key", async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore({ env: {}, keychain });
    await store.set("openai", secret, { origin: genuine });
    expect(JSON.parse((await keychain.get(store.service, "openai")) ?? "{}")).toMatchObject({ origin: genuine, key: secret });
    const resolved = await store.resolve("openai");
    expect(resolved).toMatchObject({ value: secret, source: "keychain", boundOrigin: genuine });
    expect(JSON.stringify(resolved)).not.toContain(secret);
    const description = await store.describe("openai");
    expect(description).toEqual({ providerId: "openai", source: "keychain", environmentVariable: "PRIVACY_ROUTER_KEY_OPENAI", boundOrigin: genuine });
  });
});

describe("which origin a key may go to", () => {
  const startup = new Map([["openai", genuine]]);

  it("sends a keychain key only to the origin it was set for", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    await store.set("openai", secret, { origin: genuine });
    expect(await keyForOrigin(store, startup, "openai", genuine)).toMatchObject({ state: "usable" });
    const refused = await keyForOrigin(store, startup, "openai", elsewhere);
    expect(refused).toEqual({ state: "other-address", source: "keychain", boundOrigin: genuine });
    // A key set again for the new address goes there, whatever the start-up config said.
    await store.set("openai", secret, { origin: elsewhere });
    expect(await keyForOrigin(store, startup, "openai", elsewhere)).toMatchObject({ state: "usable" });
    expect(await keyForOrigin(store, startup, "openai", genuine)).toMatchObject({ state: "other-address", boundOrigin: elsewhere });
  });

  it("binds an environment key to the origin configured at start, and to nothing for a provider added later", async () => {
    const store = createKeyStore({ env: { PRIVACY_ROUTER_KEY_OPENAI: secret, PRIVACY_ROUTER_KEY_LATER: secret }, keychain: createMemoryKeychain() });
    expect(await keyForOrigin(store, startup, "openai", genuine)).toMatchObject({ state: "usable" });
    expect(await keyForOrigin(store, startup, "openai", elsewhere)).toEqual({ state: "other-address", source: "environment", boundOrigin: genuine });
    expect(await keyForOrigin(store, startup, "later", elsewhere)).toEqual({ state: "other-address", source: "environment", boundOrigin: undefined });
    // The environment wins over an envelope in the keychain, and so does its binding.
    expect(boundOriginOf({ source: "environment", boundOrigin: elsewhere }, "openai", startup)).toBe(genuine);
  });

  it("binds a bare keychain entry to the start-up origin, for good, and leaves a bound one alone", async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore({ env: {}, keychain });
    await keychain.set(store.service, "openai", secret);
    await store.set("anthropic", secret, { origin: "https://api.anthropic.com" });
    expect(await keyForOrigin(store, startup, "openai", elsewhere)).toMatchObject({ state: "other-address", boundOrigin: genuine });

    const origins = startupKeyOrigins([
      { id: "openai", baseUrl: `${genuine}/v1` },
      { id: "anthropic", baseUrl: "https://elsewhere.example/v1" },
      { id: "unkeyed", baseUrl: "https://unkeyed.example/v1" },
    ]);
    expect(await bindBareKeys(store, origins)).toEqual(["openai"]);
    expect((await store.describe("openai")).boundOrigin).toBe(genuine);
    expect((await store.describe("anthropic")).boundOrigin).toBe("https://api.anthropic.com");
    // A later start with another address does not move it.
    expect(await bindBareKeys(store, new Map([["openai", elsewhere]]))).toEqual([]);
    expect(await keyForOrigin(store, new Map([["openai", elsewhere]]), "openai", elsewhere)).toMatchObject({ state: "other-address", boundOrigin: genuine });
  });

  it("leaves start-up alone when the keychain cannot be read", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain({ failWith: "no secret service" }) });
    expect(await bindBareKeys(store, startup)).toEqual([]);
  });

  it("describes the state for lists: usable, or set for another address", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    await store.set("openai", secret, { origin: genuine });
    const description = await store.describe("openai");
    expect(describeBinding(description, genuine, startup)).toEqual({ matches: true, boundOrigin: genuine });
    expect(describeBinding(description, elsewhere, startup)).toEqual({ matches: false, boundOrigin: genuine });
    expect(describeBinding(await store.describe("none"), genuine, startup)).toEqual({ matches: false, boundOrigin: undefined });
  });

  it("says what happened and what to do, without the key", () => {
    const keychainMessage = keyOriginMismatchMessage("OpenAI", "keychain", genuine, elsewhere);
    expect(keychainMessage).toContain(`was set for ${genuine}`);
    expect(keychainMessage).toContain(`now ${elsewhere}`);
    expect(keychainMessage).toContain("privacy-router keys set openai");
    expect(keyOriginMismatchMessage("openai", "environment", genuine, elsewhere)).toContain("PRIVACY_ROUTER_KEY_OPENAI");
  });
});

describe("the egress gate with bound keys", () => {
  it("asks for the key for the request's own origin and sends nothing when refused", async () => {
    const origins: string[] = [];
    let sent = 0;
    const gate = createEgressGate({
      baseUrls: new Map([["openai", `${elsewhere}/v1`]]),
      resolveKey: async (_providerId, _signal, origin) => {
        origins.push(origin);
        throw new GatewayError("provider_key_origin_mismatch", { message: keyOriginMismatchMessage("openai", "keychain", genuine, origin) });
      },
      detectors: [],
      fetch: async () => {
        sent += 1;
        return new Response("{}");
      },
    });
    const request = { providerId: "openai", url: `${elsewhere}/v1/models`, method: "GET" as const, headers: {}, body: "{}", signal: new AbortController().signal };
    await expect(gate.send(request)).rejects.toMatchObject({ code: "provider_key_origin_mismatch" });
    expect(origins).toEqual([elsewhere]);
    expect(sent).toBe(0);
  });
});
