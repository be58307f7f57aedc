import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { keyEnvironmentVariable } from "./key-environment-variable.js";
import { KeyStoreError } from "./key-store-error.js";
import { createKeyStore, defaultKeychainService } from "./key-store.js";
import { keychainTestAvailability } from "./keychain-test-availability.js";
import { createMemoryKeychain } from "./memory-keychain.js";
import { createOsKeychain } from "./os-keychain.js";
import { isValidProviderId } from "./provider-id.js";

const secret = "sk-test-0123456789abcdefghijklmnop";

describe("provider ids and environment variables", () => {
  it("names the variable after the id, upper-cased, other characters as _", () => {
    expect(keyEnvironmentVariable("openai")).toBe("PRIVACY_ROUTER_KEY_OPENAI");
    expect(keyEnvironmentVariable("my-llm.v2")).toBe("PRIVACY_ROUTER_KEY_MY_LLM_V2");
    expect(keyEnvironmentVariable("OpenAI")).toBe("PRIVACY_ROUTER_KEY_OPENAI");
  });

  it("accepts ids of 1 to 64 letters, digits, '.', '_' and '-'", () => {
    for (const id of ["a", "openai", "Anthropic", "azure_eu-1.prod", "x".repeat(64)]) {
      expect(isValidProviderId(id), id).toBe(true);
    }
    for (const id of ["", "-openai", ".hidden", "a/b", "a b", "x".repeat(65), "ключ"]) {
      expect(isValidProviderId(id), id).toBe(false);
    }
  });

  it("refuses a bad id without repeating it", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    const pasted = `sk proj ${"z".repeat(40)}`;
    const failure = await store.resolve(pasted).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KeyStoreError);
    expect((failure as KeyStoreError).code).toBe("invalid_provider_id");
    expect((failure as KeyStoreError).message).not.toContain(pasted);
  });
});

describe("key store rules (memory keychain)", () => {
  it("uses the environment variable over the keychain, and the keychain otherwise", async () => {
    const env: NodeJS.ProcessEnv = {};
    const store = createKeyStore({ env, keychain: createMemoryKeychain() });
    expect(await store.resolve("openai")).toBeUndefined();

    await store.set("openai", secret);
    expect(await store.resolve("openai")).toMatchObject({ value: secret, source: "keychain" });

    env.PRIVACY_ROUTER_KEY_OPENAI = "sk-from-environment";
    expect(await store.resolve("openai")).toMatchObject({ value: "sk-from-environment", source: "environment" });
    expect((await store.describe("openai")).source).toBe("environment");

    // An empty variable is "not set", not an empty key.
    env.PRIVACY_ROUTER_KEY_OPENAI = "";
    expect(await store.resolve("openai")).toMatchObject({ source: "keychain" });
  });

  it("reads keys on every call instead of caching them", async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore({ env: {}, keychain });
    await store.set("openai", "sk-first");
    expect((await store.resolve("openai"))?.value).toBe("sk-first");
    await keychain.set(store.service, "openai", "sk-rotated");
    expect((await store.resolve("openai"))?.value).toBe("sk-rotated");
  });

  it("treats provider ids without regard to case", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    await store.set("OpenAI", secret);
    expect((await store.resolve("openai"))?.value).toBe(secret);
    expect(await store.describe("OPENAI")).toMatchObject({ providerId: "openai", source: "keychain" });
  });

  it("takes the service name from the option, then the environment, then the default", () => {
    const keychain = createMemoryKeychain();
    expect(createKeyStore({ env: {}, keychain }).service).toBe(defaultKeychainService);
    expect(createKeyStore({ env: { PRIVACY_ROUTER_KEYCHAIN_SERVICE: "tests" }, keychain }).service).toBe("tests");
    expect(createKeyStore({ env: { PRIVACY_ROUTER_KEYCHAIN_SERVICE: "tests" }, service: "mine", keychain }).service).toBe("mine");
  });

  it("refuses values that cannot be a working key, storing nothing", async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore({ env: {}, keychain });
    for (const value of ["", "   ", "sk-a\nsk-b", "sk-a\n", " sk-a", "sk-a\u0000", "k".repeat(16_385)]) {
      await expect(store.set("openai", value)).rejects.toMatchObject({ code: "invalid_key_value" });
    }
    expect(keychain.size()).toBe(0);
  });

  it("describes the source and never the value", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    await store.set("openai", secret);
    const description = await store.describe("openai");
    expect(description).toEqual({ providerId: "openai", source: "keychain", environmentVariable: "PRIVACY_ROUTER_KEY_OPENAI" });
    expect(JSON.stringify(description)).not.toContain(secret);
    expect(await store.describe("anthropic")).toMatchObject({ source: "none" });
  });

  it("keeps the value out of logs, JSON and strings of a resolved key", async () => {
    const store = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    await store.set("openai", secret);
    const resolved = await store.resolve("openai");
    expect(resolved?.value).toBe(secret);
    expect(JSON.stringify(resolved)).not.toContain(secret);
    expect(inspect(resolved, { showHidden: true, depth: 5 })).not.toContain(secret);
    expect(String(resolved)).not.toContain(secret);
    expect(JSON.stringify({ ...resolved })).not.toContain(secret);
  });

  it("without a keychain: set says so and names the variable, resolve uses the environment only", async () => {
    const env: NodeJS.ProcessEnv = {};
    const store = createKeyStore({ env, keychain: createMemoryKeychain({ failWith: "no secret service provider or dbus session found" }) });

    const failure = await store.set("openai", secret).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "keychain_unavailable" });
    const message = (failure as Error).message;
    expect(message).toContain("Secret Service");
    expect(message).toContain("PRIVACY_ROUTER_KEY_OPENAI");
    expect(message).not.toContain(secret);
    expect(message).not.toContain("\n");

    expect(await store.resolve("openai")).toBeUndefined();
    expect(await store.describe("openai")).toMatchObject({ source: "none", keychainProblem: "no secret service provider or dbus session found" });
    env.PRIVACY_ROUTER_KEY_OPENAI = secret;
    expect(await store.resolve("openai")).toMatchObject({ source: "environment" });
    await expect(store.delete("openai")).rejects.toMatchObject({ code: "keychain_unavailable" });
  });
});

describe("OS keychain adapter", () => {
  it("removes a half-written key when the keychain refuses to store it", async () => {
    // Stands in for @napi-rs/keyring on Linux without a Secret Service: the library has already
    // put the key in its kernel-keyring cache when it reports the failure.
    const calls: string[] = [];
    class RefusingEntry {
      async setPassword(): Promise<void> {
        calls.push("set");
        throw new Error("Couldn't access platform storage: AccessDenied");
      }
      async deleteCredential(): Promise<boolean> {
        calls.push("delete");
        return true;
      }
    }
    const adapter = createOsKeychain({ loadKeyring: async () => ({ AsyncEntry: RefusingEntry as never }) });
    await expect(adapter.set("service", "openai", secret)).rejects.toThrow("AccessDenied");
    expect(calls).toEqual(["set", "delete"]);
  });
});

const keychain = keychainTestAvailability();
const testService = `privacy-router-test-${randomUUID()}`;
const osKeychain = createOsKeychain();
const accountsCreated = new Set<string>();

if (keychain.run) {
  describe("key store against the OS keychain", () => {
    afterAll(async () => {
      for (const account of accountsCreated) await osKeychain.delete(testService, account);
      for (const account of accountsCreated) expect(await osKeychain.get(testService, account)).toBeUndefined();
    });

    it("stores, resolves and deletes a key", async () => {
      const store = createKeyStore({ env: {}, service: testService });
      accountsCreated.add("round-trip");
      await store.set("round-trip", secret);
      expect(await osKeychain.get(testService, "round-trip")).toBe(secret);
      expect(await store.resolve("round-trip")).toMatchObject({ value: secret, source: "keychain" });

      await store.set("round-trip", `${secret}-rotated`);
      expect((await store.resolve("round-trip"))?.value).toBe(`${secret}-rotated`);

      expect(await store.delete("round-trip")).toBe(true);
      expect(await store.resolve("round-trip")).toBeUndefined();
      expect(await store.delete("round-trip")).toBe(false);
    });

    it("lets the environment variable override the keychain", async () => {
      const env: NodeJS.ProcessEnv = { PRIVACY_ROUTER_KEY_OVERRIDDEN: "sk-from-environment" };
      const store = createKeyStore({ env, service: testService });
      accountsCreated.add("overridden");
      await store.set("overridden", secret);
      expect(await store.resolve("overridden")).toMatchObject({ value: "sk-from-environment", source: "environment" });
      delete env.PRIVACY_ROUTER_KEY_OVERRIDDEN;
      expect(await store.resolve("overridden")).toMatchObject({ value: secret, source: "keychain" });
      expect(await store.delete("overridden")).toBe(true);
    });

    it("describes a stored key without returning it", async () => {
      const store = createKeyStore({ env: {}, service: testService });
      accountsCreated.add("described");
      await store.set("described", secret);
      const description = await store.describe("described");
      expect(description).toEqual({ providerId: "described", source: "keychain", environmentVariable: "PRIVACY_ROUTER_KEY_DESCRIBED" });
      expect(JSON.stringify(description)).not.toContain(secret);
      expect(await store.delete("described")).toBe(true);
      expect((await store.describe("described")).source).toBe("none");
    });

    it("takes its service name from PRIVACY_ROUTER_KEYCHAIN_SERVICE", async () => {
      const store = createKeyStore({ env: { PRIVACY_ROUTER_KEYCHAIN_SERVICE: testService } });
      accountsCreated.add("service-from-environment");
      await store.set("service-from-environment", secret);
      expect(await osKeychain.get(testService, "service-from-environment")).toBe(secret);
      expect(await osKeychain.get(defaultKeychainService, "service-from-environment")).toBeUndefined();
      expect(await store.delete("service-from-environment")).toBe(true);
    });
  });
} else if (keychain.mustFail) {
  it("has an OS keychain in CI", () => {
    expect.fail(`CI is set, but ${keychain.reason}`);
  });
} else {
  console.warn(`OS keychain tests skipped: ${keychain.reason}`);
  it.skip(`key store against the OS keychain (skipped: ${keychain.reason})`, () => {});
}
