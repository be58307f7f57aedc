import type { SqliteDatabase } from "./open-database.js";

/**
 * The text of every policy version, keyed by the version (a hash of that text), so a record's
 * `policyVersion` can be read back months later as the rules that decided it.
 */
export function recordPolicyVersion(database: SqliteDatabase, version: string, document: string, now: Date): void {
  database.prepare("INSERT OR IGNORE INTO policy_versions (version, document, first_used_at) VALUES (?, ?, ?)").run(version, document, now.toISOString());
}

export function readPolicyVersion(database: SqliteDatabase, version: string): { document: string; firstUsedAt: string } | undefined {
  const row = database.prepare("SELECT document, first_used_at FROM policy_versions WHERE version = ?").get(version) as { document: string; first_used_at: string } | undefined;
  return row ? { document: row.document, firstUsedAt: row.first_used_at } : undefined;
}
