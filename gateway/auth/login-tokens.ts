import { createHash, randomBytes } from "node:crypto";
import { loginTokenLifetimeSeconds } from "../../shared/admin-api.js";
import type { SqliteDatabase } from "../audit/open-database.js";

function hashLoginToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Why a login token was not accepted; the login page words each differently. */
export type LoginTokenRefusal = "unknown" | "expired";

/**
 * One-time UI login tokens. `serve` and `login` (a separate process, beside a running gateway)
 * write a token's SHA-256 into the shared database; the gateway deletes the row when the token
 * is used, so a token works once, and only within its lifetime. The clear token exists only in
 * the URL printed to the terminal.
 */
export class LoginTokenStore {
  readonly #database: SqliteDatabase;
  readonly #clock: () => Date;

  constructor(database: SqliteDatabase, clock: () => Date = () => new Date()) {
    this.#database = database;
    this.#clock = clock;
  }

  create(lifetimeSeconds: number = loginTokenLifetimeSeconds): string {
    const token = randomBytes(32).toString("base64url");
    const now = this.#clock();
    // Expired tokens are cleared whenever a new one is made, so the table stays a handful of rows.
    this.#database.prepare("DELETE FROM login_tokens WHERE expires_at <= ?").run(now.toISOString());
    this.#database
      .prepare("INSERT INTO login_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)")
      .run(hashLoginToken(token), now.toISOString(), new Date(now.getTime() + lifetimeSeconds * 1000).toISOString());
    return token;
  }

  /** Uses a token up: true when it was known and not expired. Either way it cannot be used again. */
  consume(token: string): { ok: true } | { ok: false; refusal: LoginTokenRefusal } {
    if (token.length === 0 || token.length > 128) return { ok: false, refusal: "unknown" };
    const row = this.#database.prepare("DELETE FROM login_tokens WHERE token_hash = ? RETURNING expires_at").get(hashLoginToken(token)) as { expires_at: string } | undefined;
    if (!row) return { ok: false, refusal: "unknown" };
    if (Date.parse(row.expires_at) <= this.#clock().getTime()) return { ok: false, refusal: "expired" };
    return { ok: true };
  }
}
