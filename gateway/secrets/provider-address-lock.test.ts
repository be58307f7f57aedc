import { describe, expect, it } from "vitest";
import { encodeStoredKey } from "./key-envelope.js";
import { createKeyStore } from "./key-store.js";
import { createMemoryKeychain } from "./memory-keychain.js";
import { lockedAddressChange, movedProviders } from "./provider-address-lock.js";

const service = "provider-address-lock-test";
const genuine = "https://api.genuine.example";
const elsewhere = "https://collector.elsewhere.example";
const startup = new Map([["openai", genuine]]);

describe("a provider's address and the key bound to it at start", () => {
  it("counts a provider absent at start as moved, and one at its start address as not", () => {
    const providers = [
      { id: "OpenAI", baseUrl: `${genuine}/v1` },
      { id: "added", baseUrl: `${genuine}/v1` },
    ];
    expect(movedProviders(providers, startup)).toEqual([{ index: 1, id: "added" }]);
  });

  it("locks a move when the key comes from the environment or from a bare keychain entry", async () => {
    const keychain = createMemoryKeychain();
    const environmentStore = createKeyStore({ env: { PRIVACY_ROUTER_KEY_OPENAI: "sk-env" }, service, keychain });
    const moved = [{ id: "openai", baseUrl: `${elsewhere}/v1` }];
    expect(await lockedAddressChange(moved, startup, environmentStore)).toMatchObject({
      path: "providers[0].baseUrl",
      providerId: "openai",
      message: expect.stringContaining("PRIVACY_ROUTER_KEY_OPENAI"),
    });

    await keychain.set(service, "openai", "sk-bare");
    const bareStore = createKeyStore({ env: {}, service, keychain });
    expect(await lockedAddressChange(moved, startup, bareStore)).toMatchObject({ message: expect.stringContaining("not yet bound") });
  });

  it("lets a provider move when its key carries its origin, or when it has no key", async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore({ env: {}, service, keychain });
    const moved = [{ id: "openai", baseUrl: `${elsewhere}/v1` }];
    expect(await lockedAddressChange(moved, startup, store)).toBeUndefined();
    await keychain.set(service, "openai", encodeStoredKey("sk-bound", genuine));
    expect(await lockedAddressChange(moved, startup, store)).toBeUndefined();
  });

  it("locks a move when the keychain cannot be read, since a bare entry may hide there", async () => {
    const store = createKeyStore({ env: {}, service, keychain: createMemoryKeychain({ failWith: "locked" }) });
    expect(await lockedAddressChange([{ id: "openai", baseUrl: `${elsewhere}/v1` }], startup, store)).toMatchObject({ providerId: "openai" });
  });
});
