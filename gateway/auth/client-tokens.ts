import { createHash, randomBytes } from "node:crypto";
import type { SqliteDatabase } from "../audit/open-database.js";

/** Every client token starts with this; the secret detector flags it, so a token pasted into a prompt never leaves. */
export const clientTokenPrefix = "prt_";
export const clientTokenPattern = /\bprt_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

const tokenNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ClientIdentity {
  name: string;
  admin: boolean;
}

export interface ClientTokenSummary extends ClientIdentity {
  createdAt: string;
  revokedAt: string | null;
}

export class ClientTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientTokenError";
  }
}

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are stored only as SHA-256 hashes; the clear token is shown once, at creation. */
export class ClientTokenStore {
  readonly #database: SqliteDatabase;
  // Prepared once: verify runs on every request.
  readonly #verify: ReturnType<SqliteDatabase["prepare"]>;

  constructor(database: SqliteDatabase) {
    this.#database = database;
    this.#verify = database.prepare("SELECT name, admin FROM client_tokens WHERE token_hash = ? AND revoked_at IS NULL");
  }

  create(name: string, options: { admin?: boolean; now?: Date } = {}): string {
    if (!tokenNamePattern.test(name)) {
      throw new ClientTokenError(`token name \`${name}\` must be 1-64 letters, digits, '.', '_' or '-'`);
    }
    const existing = this.#database.prepare("SELECT revoked_at FROM client_tokens WHERE name = ?").get(name) as
      | { revoked_at: string | null }
      | undefined;
    if (existing && existing.revoked_at === null) {
      throw new ClientTokenError(`a token named \`${name}\` exists; revoke it first or choose another name`);
    }
    const token = clientTokenPrefix + randomBytes(32).toString("base64url");
    const createdAt = (options.now ?? new Date()).toISOString();
    this.#database
      .prepare(
        `INSERT INTO client_tokens (name, token_hash, admin, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)
         ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash, admin = excluded.admin,
           created_at = excluded.created_at, revoked_at = NULL, last_used_at = NULL`,
      )
      .run(name, hashToken(token), options.admin ? 1 : 0, createdAt);
    return token;
  }

  /** The identity behind a presented token, or undefined when it is unknown or revoked. */
  verify(token: string): ClientIdentity | undefined {
    if (!token.startsWith(clientTokenPrefix) || token.length > 128) return undefined;
    const row = this.#verify.get(hashToken(token)) as { name: string; admin: number } | undefined;
    return row ? { name: row.name, admin: row.admin === 1 } : undefined;
  }

  list(): ClientTokenSummary[] {
    const rows = this.#database
      .prepare("SELECT name, admin, created_at, revoked_at FROM client_tokens ORDER BY created_at, name")
      .all() as { name: string; admin: number; created_at: string; revoked_at: string | null }[];
    return rows.map((row) => ({ name: row.name, admin: row.admin === 1, createdAt: row.created_at, revokedAt: row.revoked_at }));
  }

  /** True when a live token of that name was revoked. */
  revoke(name: string, now: Date = new Date()): boolean {
    const result = this.#database
      .prepare("UPDATE client_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")
      .run(now.toISOString(), name);
    return result.changes > 0;
  }

  /** Whether any token was ever created: the first `serve` creates one when none was. */
  isEmpty(): boolean {
    return this.#database.prepare("SELECT 1 FROM client_tokens LIMIT 1").get() === undefined;
  }
}
