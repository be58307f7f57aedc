import { decodeStoredKey, encodeStoredKey } from "./key-envelope.js";
import { keyEnvironmentVariable } from "./key-environment-variable.js";
import { KeyStoreError } from "./key-store-error.js";
import { validateKeyValue } from "./key-value.js";
import type { Keychain } from "./keychain.js";
import { createOsKeychain } from "./os-keychain.js";
import { normalizeProviderId } from "./provider-id.js";
import { createResolvedKey, type KeySource, type ResolvedKey } from "./resolved-key.js";

export const defaultKeychainService = "privacy-router";
export const keychainServiceVariable = "PRIVACY_ROUTER_KEYCHAIN_SERVICE";

export interface KeyDescription {
  /** The normalized provider id (lower case). */
  providerId: string;
  source: KeySource | "none";
  /** The variable that would override the keychain, so `doctor` and the UI can name it. */
  environmentVariable: string;
  /** Why the keychain could not be read, when it could not; never contains a key. */
  keychainProblem?: string;
  /** The origin a keychain key was set for (absent for environment keys and older bare entries). */
  boundOrigin?: string;
}

export interface SetKeyOptions {
  /**
   * The provider origin (scheme://host:port) the key is for. The gateway sends the key to this
   * origin only. Without one the entry is stored bare, and the gateway binds it to the
   * provider's address at its next start.
   */
  origin?: string;
  signal?: AbortSignal;
}

export interface KeyStore {
  /** The keychain service name the keys are stored under. */
  readonly service: string;
  /** The key to use for a call, read now: the environment variable first, then the keychain. */
  resolve(providerId: string, signal?: AbortSignal): Promise<ResolvedKey | undefined>;
  /** Stores the key in the OS keychain; throws a KeyStoreError when it cannot. */
  set(providerId: string, value: string, options?: SetKeyOptions): Promise<void>;
  /**
   * Binds a bare keychain entry (written before keys were bound, or without an origin) to
   * `origin`; `true` when it did. An entry already bound is left as it is.
   */
  bindBareKey(providerId: string, origin: string, signal?: AbortSignal): Promise<boolean>;
  /** Removes the keychain entry; `false` when there was none. The environment is not touched. */
  delete(providerId: string, signal?: AbortSignal): Promise<boolean>;
  /** Where the key would come from, without ever returning it. */
  describe(providerId: string, signal?: AbortSignal): Promise<KeyDescription>;
}

export interface KeyStoreOptions {
  /** Read on every call, so a changed variable takes effect without a restart. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to `PRIVACY_ROUTER_KEYCHAIN_SERVICE`, then `privacy-router`. */
  service?: string;
  keychain?: Keychain;
}

/**
 * Provider API keys: in the OS keychain (account = provider id) or in
 * `PRIVACY_ROUTER_KEY_<ID>`, which wins. Nothing is cached: a key is read when a call needs it
 * and is dropped with the call, and a key rotated in the keychain is used at once.
 * There is deliberately no file fallback: without a keychain, keys come from the environment.
 * A keychain entry also records the provider origin the key was set for (key-envelope.ts);
 * key-binding.ts decides whether a call to some origin may use the key.
 */
export function createKeyStore(options: KeyStoreOptions = {}): KeyStore {
  const env = options.env ?? process.env;
  const service = options.service ?? nonEmpty(env[keychainServiceVariable]) ?? defaultKeychainService;
  const keychain = options.keychain ?? createOsKeychain();

  function fromEnvironment(providerId: string): string | undefined {
    return nonEmpty(env[keyEnvironmentVariable(providerId)]);
  }

  return {
    service,

    async resolve(providerId, signal) {
      const account = normalizeProviderId(providerId);
      const environmentValue = fromEnvironment(account);
      if (environmentValue !== undefined) return createResolvedKey(environmentValue, "environment");
      try {
        const keychainValue = nonEmpty(await keychain.get(service, account, signal));
        if (keychainValue === undefined) return undefined;
        const stored = decodeStoredKey(keychainValue);
        return createResolvedKey(stored.key, "keychain", stored.origin);
      } catch (error) {
        if (signal?.aborted === true) throw error;
        // An unreachable keychain leaves the environment as the only source; the caller
        // reports the key as missing, and `describe` says why.
        return undefined;
      }
    },

    async set(providerId, value, options = {}) {
      const { origin, signal } = options;
      const account = normalizeProviderId(providerId);
      validateKeyValue(value);
      try {
        await keychain.set(service, account, origin === undefined ? value : encodeStoredKey(value, origin), signal);
      } catch (error) {
        if (signal?.aborted === true) throw error;
        throw new KeyStoreError(
          "keychain_unavailable",
          `The OS keychain could not store the key (${describeFailure(error)}). On Linux this needs a running ` +
            `Secret Service such as gnome-keyring; without one, set ${keyEnvironmentVariable(account)} in the ` +
            "gateway's environment instead.",
          { cause: error },
        );
      }
    },

    async bindBareKey(providerId, origin, signal) {
      const account = normalizeProviderId(providerId);
      const keychainValue = nonEmpty(await keychain.get(service, account, signal));
      if (keychainValue === undefined) return false;
      const stored = decodeStoredKey(keychainValue);
      if (stored.origin !== undefined) return false;
      await keychain.set(service, account, encodeStoredKey(stored.key, origin), signal);
      return true;
    },

    async delete(providerId, signal) {
      const account = normalizeProviderId(providerId);
      try {
        return await keychain.delete(service, account, signal);
      } catch (error) {
        if (signal?.aborted === true) throw error;
        throw new KeyStoreError(
          "keychain_unavailable",
          `The OS keychain could not delete the key (${describeFailure(error)}).`,
          { cause: error },
        );
      }
    },

    async describe(providerId, signal) {
      const account = normalizeProviderId(providerId);
      const environmentVariable = keyEnvironmentVariable(account);
      if (fromEnvironment(account) !== undefined) {
        return { providerId: account, source: "environment", environmentVariable };
      }
      try {
        const keychainValue = nonEmpty(await keychain.get(service, account, signal));
        if (keychainValue === undefined) return { providerId: account, source: "none", environmentVariable };
        const { origin } = decodeStoredKey(keychainValue);
        return { providerId: account, source: "keychain", environmentVariable, ...(origin === undefined ? {} : { boundOrigin: origin }) };
      } catch (error) {
        if (signal?.aborted === true) throw error;
        return { providerId: account, source: "none", environmentVariable, keychainProblem: describeFailure(error) };
      }
    },
  };
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : value;
}

// Native errors carry a multi-line Rust backtrace; one line is what a person needs.
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n", 1)[0]?.trim() ?? "";
  return firstLine === "" ? "unknown error" : firstLine;
}
