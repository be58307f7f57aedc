import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { downloadTicketLifetimeSeconds, sessionAbsoluteLifetimeSeconds, sessionIdleTimeoutSeconds } from "../../shared/admin-api.js";

export interface AdminSession {
  createdAt: Date;
  lastSeenAt: Date;
  /** The earlier of the idle expiry and the absolute one. */
  expiresAt: Date;
}

/** What sign-in hands out: the page secret goes into the page (a header), the cookie id into the cookie. */
export interface NewAdminSession {
  pageSecret: string;
  cookieId: string;
}

interface StoredSession extends AdminSession {
  cookieHash: Buffer;
  endsAt: Date;
}

interface StoredTicket {
  sessionKey: string;
  expiresAt: Date;
}

/** Values longer than this are not ours (ours are 43 characters). */
const maxSecretLength = 128;
/** More cookies of our name than this is a page stuffing the jar, not a browser. */
const maxCookieValues = 8;

function hashOf(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

function keyOf(value: string): string {
  return hashOf(value).toString("hex");
}

function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * UI sessions, in memory only: a restart signs everyone out (`privacy-router login` gives a new
 * URL). A session is two random 256-bit values: the page secret, which the page keeps in
 * `sessionStorage` and sends as a header, and the cookie id, which the browser keeps HttpOnly.
 * Browsers send a 127.0.0.1 cookie to every port, so another local server may see the cookie;
 * it never sees the page secret (a URL fragment, then origin-scoped storage), and a page secret
 * stolen from the page is useless without the cookie. Only hashes are kept here, so a memory
 * dump does not hand out live sessions. A session ends after a spell without requests, and
 * after an absolute lifetime however busy.
 */
export class AdminSessions {
  readonly #sessions = new Map<string, StoredSession>();
  readonly #tickets = new Map<string, StoredTicket>();
  readonly #clock: () => Date;
  readonly #idleMs: number;
  readonly #absoluteMs: number;

  constructor(options: { clock?: () => Date; idleTimeoutSeconds?: number; absoluteLifetimeSeconds?: number } = {}) {
    this.#clock = options.clock ?? (() => new Date());
    this.#idleMs = (options.idleTimeoutSeconds ?? sessionIdleTimeoutSeconds) * 1000;
    this.#absoluteMs = (options.absoluteLifetimeSeconds ?? sessionAbsoluteLifetimeSeconds) * 1000;
  }

  get idleTimeoutSeconds(): number {
    return this.#idleMs / 1000;
  }

  /** A new session; each value is returned once and goes to its own place (see `NewAdminSession`). */
  create(): NewAdminSession {
    this.#sweep();
    const pageSecret = randomSecret();
    const cookieId = randomSecret();
    const now = this.#clock();
    const endsAt = new Date(now.getTime() + this.#absoluteMs);
    this.#sessions.set(keyOf(pageSecret), { createdAt: now, lastSeenAt: now, endsAt, expiresAt: this.#expiry(now, endsAt), cookieHash: hashOf(cookieId) });
    return { pageSecret, cookieId };
  }

  /**
   * The live session behind a page secret, its idle clock restarted, when one of the cookie
   * values presented is that session's cookie; undefined otherwise. Several values of our cookie
   * name can arrive when a page on another port planted its own (a longer path is sent first):
   * the planted one matches nothing, so it neither gets in nor locks the real session out.
   */
  touch(pageSecret: string, cookieValues: readonly string[]): { sessionKey: string; session: AdminSession } | undefined {
    const sessionKey = this.#liveKey(pageSecret);
    const session = sessionKey === undefined ? undefined : this.#sessions.get(sessionKey);
    if (sessionKey === undefined || !session || !this.#cookieMatches(session, cookieValues)) return undefined;
    const now = this.#clock();
    session.lastSeenAt = now;
    session.expiresAt = this.#expiry(now, session.endsAt);
    return { sessionKey, session };
  }

  /** A single-use ticket for one download by the session with this key (`touch` tells it). */
  issueTicket(sessionKey: string): { ticket: string; expiresAt: Date } | undefined {
    this.#sweep();
    if (!this.#sessions.has(sessionKey)) return undefined;
    const ticket = randomSecret();
    const expiresAt = new Date(this.#clock().getTime() + downloadTicketLifetimeSeconds * 1000);
    this.#tickets.set(keyOf(ticket), { sessionKey, expiresAt });
    return { ticket, expiresAt };
  }

  /**
   * Uses up a ticket: the session it was issued to (idle clock restarted) and its key, when the ticket is live and one cookie value is that session's.
   * A ticket is spent on the first try, right or wrong.
   */
  redeemTicket(ticket: string, cookieValues: readonly string[]): { sessionKey: string; session: AdminSession } | undefined {
    if (ticket.length === 0 || ticket.length > maxSecretLength) return undefined;
    const ticketKey = keyOf(ticket);
    const stored = this.#tickets.get(ticketKey);
    if (!stored) return undefined;
    this.#tickets.delete(ticketKey);
    const now = this.#clock();
    if (stored.expiresAt.getTime() <= now.getTime()) return undefined;
    const session = this.#sessions.get(stored.sessionKey);
    if (!session || !this.#isLive(stored.sessionKey, session, now) || !this.#cookieMatches(session, cookieValues)) return undefined;
    session.lastSeenAt = now;
    session.expiresAt = this.#expiry(now, session.endsAt);
    return { sessionKey: stored.sessionKey, session };
  }

  /** Ends a session by its key (`touch` and `redeemTicket` tell it), with the tickets issued to it. */
  end(sessionKey: string): boolean {
    for (const [key, ticket] of this.#tickets) if (ticket.sessionKey === sessionKey) this.#tickets.delete(key);
    return this.#sessions.delete(sessionKey);
  }

  /** The key of a session that is still live, or undefined (an expired one is dropped). */
  #liveKey(pageSecret: string): string | undefined {
    if (pageSecret.length === 0 || pageSecret.length > maxSecretLength) return undefined;
    const key = keyOf(pageSecret);
    const session = this.#sessions.get(key);
    return session && this.#isLive(key, session, this.#clock()) ? key : undefined;
  }

  #isLive(key: string, session: StoredSession, now: Date): boolean {
    if (session.expiresAt.getTime() > now.getTime()) return true;
    this.end(key);
    return false;
  }

  #cookieMatches(session: StoredSession, cookieValues: readonly string[]): boolean {
    if (cookieValues.length === 0 || cookieValues.length > maxCookieValues) return false;
    let matched = false;
    // Every value is compared, in constant time each, so timing says nothing about which matched.
    for (const value of cookieValues) {
      if (value.length > 0 && value.length <= maxSecretLength && timingSafeEqual(hashOf(value), session.cookieHash)) matched = true;
    }
    return matched;
  }

  #expiry(now: Date, endsAt: Date): Date {
    return new Date(Math.min(now.getTime() + this.#idleMs, endsAt.getTime()));
  }

  #sweep(): void {
    const now = this.#clock().getTime();
    for (const [key, session] of this.#sessions) if (session.expiresAt.getTime() <= now) this.end(key);
    for (const [key, ticket] of this.#tickets) if (ticket.expiresAt.getTime() <= now) this.#tickets.delete(key);
  }
}
