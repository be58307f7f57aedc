import type { KeyStore } from "./key-store.js";
import { originOf } from "./key-origin.js";
import { normalizeProviderId } from "./provider-id.js";

/** Provider id → origin of its base URL, from the config a gateway process starts with. */
export function startupKeyOrigins(providers: ReadonlyArray<{ id: string; baseUrl: string }>): Map<string, string> {
  const origins = new Map<string, string>();
  for (const provider of providers) {
    const origin = originOf(provider.baseUrl);
    if (origin !== undefined) origins.set(normalizeProviderId(provider.id), origin);
  }
  return origins;
}

/**
 * Binds bare keychain entries (stored before keys carried an origin, or by `keys set` for a
 * provider not yet configured) to the address the provider has at this start, once and for
 * good: a later edit of the address, and a restart after it, do not move them. Best effort: a
 * keychain that cannot be written leaves the entry bare, and it is still bound to this start's
 * address for as long as this process runs. Returns the providers whose entry was bound.
 */
export async function bindBareKeys(keyStore: KeyStore, startupOrigins: ReadonlyMap<string, string>, signal?: AbortSignal): Promise<string[]> {
  const bound: string[] = [];
  for (const [providerId, origin] of startupOrigins) {
    try {
      if (await keyStore.bindBareKey(providerId, origin, signal)) bound.push(providerId);
    } catch {
      // No keychain, or a locked one: nothing to bind, or nothing that can be written now.
    }
  }
  return bound;
}
