import type { Keychain } from "./keychain.js";

/** The part of @napi-rs/keyring this adapter uses; tests hand in a stand-in. */
export type KeyringModule = Pick<typeof import("@napi-rs/keyring"), "AsyncEntry">;

let keyringModule: Promise<KeyringModule> | undefined;

// Loaded on first use, not at import: a platform without the prebuilt native binary then
// only loses the keychain (keys can still come from the environment) instead of the gateway.
function loadKeyring(): Promise<KeyringModule> {
  keyringModule ??= import("@napi-rs/keyring");
  return keyringModule;
}

/**
 * The real OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on
 * Linux) through @napi-rs/keyring. The asynchronous entry points keep D-Bus round trips off
 * the gateway's event loop.
 */
export function createOsKeychain(options: { loadKeyring?: () => Promise<KeyringModule> } = {}): Keychain {
  const load = options.loadKeyring ?? loadKeyring;
  return {
    async get(service, account, signal) {
      const { AsyncEntry } = await load();
      const value = await new AsyncEntry(service, account).getPassword(signal);
      return value ?? undefined;
    },
    async set(service, account, value, signal) {
      const { AsyncEntry } = await load();
      const entry = new AsyncEntry(service, account);
      try {
        await entry.setPassword(value, signal);
      } catch (error) {
        // On Linux the library writes its kernel-keyring cache before the Secret Service and
        // leaves that copy behind when the Secret Service fails. A failed `set` must not leave
        // the key anywhere, so remove whatever part of it was written.
        await entry.deleteCredential().catch(() => false);
        throw error;
      }
    },
    async delete(service, account, signal) {
      const { AsyncEntry } = await load();
      return await new AsyncEntry(service, account).deleteCredential(signal);
    },
  };
}
