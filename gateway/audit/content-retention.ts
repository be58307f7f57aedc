import type { SqliteDatabase } from "./open-database.js";

/**
 * Deletes kept text whose time is up. The records stay, each with the SHA-256 of its text, so
 * the chain still verifies. The database zeroes deleted pages (secure_delete) and the write-
 * ahead log is truncated after a purge, so the text does not linger in either file.
 */
export function purgeExpiredContent(database: SqliteDatabase, now: Date): number {
  const { changes } = database.prepare("DELETE FROM audit_content WHERE expires_at <= ?").run(now.toISOString());
  if (changes > 0) database.pragma("wal_checkpoint(TRUNCATE)");
  return changes;
}
