import { sessionFragmentKey, sessionHeaderName } from "../../../shared/admin-api.js";

/** Where the page keeps the secret: sessionStorage is scoped to this origin (port included) and this tab. */
const storageKey = "privacy-router.session";
const fragmentPattern = new RegExp(`^#${sessionFragmentKey}=([A-Za-z0-9_-]{1,128})$`);

/** The page secret in a login redirect's fragment (`#session=…`), or null when the fragment is something else. */
export function secretInFragment(hash: string): string | null {
  return fragmentPattern.exec(hash)?.[1] ?? null;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    // Storage can be switched off; the page then behaves as signed out.
    return null;
  }
}

/**
 * Run once at start, before anything calls the gateway: takes the page secret the login
 * redirect put in the fragment, keeps it in sessionStorage and wipes it from the address bar and
 * from this history entry, so it is neither shown, bookmarked nor copied with the URL.
 */
export function adoptSessionFromAddress(): void {
  if (typeof window === "undefined") return;
  const hash = window.location.hash;
  if (!hash.startsWith(`#${sessionFragmentKey}=`)) return;
  const secret = secretInFragment(hash);
  if (secret !== null) {
    try {
      storage()?.setItem(storageKey, secret);
    } catch {
      // Full or refused: the UI shows the signed-out state, which says how to sign in.
    }
  }
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
}

/** The page secret of this tab's session, or null (a new tab, or signed out). */
export function sessionSecret(): string | null {
  try {
    return storage()?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

/** Forgets the secret (after logging out). */
export function forgetSessionSecret(): void {
  try {
    storage()?.removeItem(storageKey);
  } catch {
    // Nothing to forget.
  }
}

/** The session header for a call to the gateway; empty when this tab has no session. */
export function sessionHeaders(): Record<string, string> {
  const secret = sessionSecret();
  return secret === null ? {} : { [sessionHeaderName]: secret };
}
