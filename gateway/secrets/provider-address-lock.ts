import { keyEnvironmentVariable } from "./key-environment-variable.js";
import { originOf } from "./key-origin.js";
import type { KeyStore } from "./key-store.js";
import { normalizeProviderId } from "./provider-id.js";

export interface LockedAddress {
  /** The field that moved, e.g. `providers[0].baseUrl`. */
  path: string;
  providerId: string;
  message: string;
}

/** Providers whose address differs from the one they had when this gateway process started. */
export function movedProviders(
  providers: ReadonlyArray<{ id: string; baseUrl: string }>,
  startupOrigins: ReadonlyMap<string, string>,
): Array<{ index: number; id: string }> {
  const moved: Array<{ index: number; id: string }> = [];
  providers.forEach((provider, index) => {
    const startup = startupOrigins.get(normalizeProviderId(provider.id));
    const origin = originOf(provider.baseUrl);
    if (startup === undefined || origin !== startup) moved.push({ index, id: provider.id });
  });
  return moved;
}

/**
 * An environment key, or a keychain entry without an origin, is bound at each start to the
 * address in config.yaml; a remote edit of that address would carry the key to the new server
 * after the next restart. So such a provider's address may be changed only in the file on this
 * machine, or the key set again (which binds it). Keys set with an origin refuse to go anywhere
 * else already, and a provider without a key has nothing to lose. A keychain that cannot be read
 * cannot say which case it is: refused too. Returns the first locked move, if any.
 */
export async function lockedAddressChange(
  providers: ReadonlyArray<{ id: string; baseUrl: string }>,
  startupOrigins: ReadonlyMap<string, string>,
  keyStore: KeyStore,
  signal?: AbortSignal,
): Promise<LockedAddress | undefined> {
  for (const { index, id } of movedProviders(providers, startupOrigins)) {
    const description = await keyStore.describe(id, signal);
    const providerId = normalizeProviderId(id);
    const path = `providers[${index}].baseUrl`;
    const setAgain = `or set the key again with \`privacy-router keys set ${providerId}\`, which binds it to the new address`;
    if (description.source === "environment") {
      const variable = keyEnvironmentVariable(providerId);
      return { path, providerId, message: `The key for provider \`${providerId}\` comes from ${variable}, so its address can only be changed in config.yaml on this machine (${setAgain}); nothing was changed.` };
    }
    if (description.source === "keychain" && description.boundOrigin === undefined) {
      return { path, providerId, message: `The key for provider \`${providerId}\` is a keychain entry not yet bound to an address, so its address can only be changed in config.yaml on this machine (${setAgain}); nothing was changed.` };
    }
    if (description.source === "none" && description.keychainProblem !== undefined) {
      return { path, providerId, message: `The keychain could not be read (${description.keychainProblem}), so whether provider \`${providerId}\` has a key that would follow its address is unknown; change the address in config.yaml on this machine, or try again when the keychain is available. Nothing was changed.` };
    }
  }
  return undefined;
}
