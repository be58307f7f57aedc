import { createHash, randomBytes } from "node:crypto";
import { sessionIdleTimeoutSeconds } from "../../shared/admin-api.js";

export interface AdminSession {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

function hashSessionId(id: string): string {
  return createHash("sha256").update(id, "utf8").digest("hex");
}

/**
 * UI sessions, in memory only: a restart signs everyone out (`privacy-router login` gives a new
 * URL). The cookie holds a random 256-bit id; only its hash is kept here, so a memory dump of
 * the map does not hand out live cookies. A session ends after a spell without requests.
 */
export class AdminSessions {
  readonly #sessions = new Map<string, AdminSession>();
  readonly #clock: () => Date;
  readonly #idleMs: number;

  constructor(options: { clock?: () => Date; idleTimeoutSeconds?: number } = {}) {
    this.#clock = options.clock ?? (() => new Date());
    this.#idleMs = (options.idleTimeoutSeconds ?? sessionIdleTimeoutSeconds) * 1000;
  }

  get idleTimeoutSeconds(): number {
    return this.#idleMs / 1000;
  }

  /** A new session; the returned id goes into the cookie and nowhere else. */
  create(): string {
    this.#sweep();
    const id = randomBytes(32).toString("base64url");
    const now = this.#clock();
    this.#sessions.set(hashSessionId(id), { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + this.#idleMs) });
    return id;
  }

  /** The live session behind a cookie value, its idle clock restarted; undefined when unknown or expired. */
  touch(id: string): AdminSession | undefined {
    if (id.length === 0 || id.length > 128) return undefined;
    const key = hashSessionId(id);
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    const now = this.#clock();
    if (session.expiresAt.getTime() <= now.getTime()) {
      this.#sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = now;
    session.expiresAt = new Date(now.getTime() + this.#idleMs);
    return session;
  }

  end(id: string): boolean {
    return this.#sessions.delete(hashSessionId(id));
  }

  #sweep(): void {
    const now = this.#clock().getTime();
    for (const [key, session] of this.#sessions) if (session.expiresAt.getTime() <= now) this.#sessions.delete(key);
  }
}
