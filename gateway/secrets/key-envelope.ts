/**
 * A keychain entry holds the key and the origin it was set for, as one small JSON value, so
 * the two are written in one step and can never disagree. Entries written before keys were
 * bound hold the bare key; they read back with no origin.
 */
const marker = "privacyRouterKey";

export interface StoredKey {
  key: string;
  /** The provider origin the key was set for; absent for a bare (older) entry. */
  origin?: string;
}

export function encodeStoredKey(key: string, origin: string): string {
  return JSON.stringify({ [marker]: 1, origin, key });
}

export function decodeStoredKey(stored: string): StoredKey {
  // Provider keys never start with `{"privacyRouterKey"`, so a bare key cannot be mistaken for one.
  if (!stored.startsWith(`{"${marker}"`)) return { key: stored };
  try {
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    if (parsed[marker] === 1 && typeof parsed.key === "string" && typeof parsed.origin === "string") {
      return { key: parsed.key, origin: parsed.origin };
    }
  } catch {
    // Falls through: not an envelope after all.
  }
  return { key: stored };
}
