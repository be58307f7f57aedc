import { keyEnvironmentVariable } from "./key-environment-variable.js";
import type { KeyDescription, KeyStore } from "./key-store.js";
import { normalizeProviderId } from "./provider-id.js";
import type { KeySource, ResolvedKey } from "./resolved-key.js";

/**
 * Which origin a key may go to:
 * - a keychain key set with an origin: that origin, until the key is set again;
 * - an environment key, or a bare keychain entry (written before keys were bound): the origin
 *   the provider had in the config when this gateway process started. Later edits through the
 *   admin API do not move it, so an admin session cannot redirect a key to another server.
 * `undefined` when the provider was not configured at start: such a key goes nowhere.
 */
export function boundOriginOf(
  key: { source: KeySource; boundOrigin?: string | undefined },
  providerId: string,
  startupOrigins: ReadonlyMap<string, string>,
): string | undefined {
  if (key.source === "keychain" && key.boundOrigin !== undefined) return key.boundOrigin;
  return startupOrigins.get(normalizeProviderId(providerId));
}

export type KeyForOrigin =
  | { state: "usable"; key: ResolvedKey }
  | { state: "missing" }
  | { state: "other-address"; source: KeySource; boundOrigin: string | undefined };

/** The provider's key when it may be sent to `origin`; never the key otherwise. */
export async function keyForOrigin(
  keyStore: KeyStore,
  startupOrigins: ReadonlyMap<string, string>,
  providerId: string,
  origin: string,
  signal?: AbortSignal,
): Promise<KeyForOrigin> {
  const key = await keyStore.resolve(providerId, signal);
  if (key === undefined) return { state: "missing" };
  const boundOrigin = boundOriginOf(key, providerId, startupOrigins);
  return boundOrigin === origin ? { state: "usable", key } : { state: "other-address", source: key.source, boundOrigin };
}

/** The binding of a described key against the provider's current origin, for lists and `doctor`. */
export function describeBinding(
  description: KeyDescription,
  currentOrigin: string | undefined,
  startupOrigins: ReadonlyMap<string, string>,
): { matches: boolean; boundOrigin: string | undefined } {
  if (description.source === "none") return { matches: false, boundOrigin: undefined };
  const boundOrigin = boundOriginOf({ source: description.source, boundOrigin: description.boundOrigin }, description.providerId, startupOrigins);
  return { matches: boundOrigin !== undefined && boundOrigin === currentOrigin, boundOrigin };
}

/** One line saying why a key was not used and what to do; never contains the key. */
export function keyOriginMismatchMessage(providerId: string, source: KeySource, boundOrigin: string | undefined, currentOrigin: string): string {
  const id = normalizeProviderId(providerId);
  if (source === "environment") {
    const variable = keyEnvironmentVariable(id);
    const bound = boundOrigin === undefined ? "to no address (the provider was not configured when the gateway started)" : `to ${boundOrigin}, the provider's address when the gateway started`;
    return `The key for provider \`${id}\` comes from ${variable} and is bound ${bound}; its address is now ${currentOrigin}, so the key was not sent: the provider's address was changed since the gateway started. Check that this change was intended; if it was, restart the gateway with the new address, or set the key in the keychain for it (unset ${variable}, then privacy-router keys set ${id}).`;
  }
  const bound = boundOrigin === undefined ? "before this provider was configured" : `for ${boundOrigin}`;
  return `The key for provider \`${id}\` was set ${bound}; its address is now ${currentOrigin}, so the key was not sent: the provider's address was changed since the key was set. Check that this change was intended before setting the key again for the new address (privacy-router keys set ${id}, or the key field in the providers view).`;
}
