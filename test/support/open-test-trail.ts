import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditTrail } from "../../gateway/audit/audit-trail.js";
import { databaseFileName, openDatabase, type SqliteDatabase } from "../../gateway/audit/open-database.js";
import { configSchema } from "../../gateway/config/config-schema.js";
import { silentLogger } from "../../gateway/logging/logger.js";
import type { Keychain } from "../../gateway/secrets/keychain.js";
import { createMemoryKeychain } from "../../gateway/secrets/memory-keychain.js";
import type { Receipt } from "../../shared/receipt.js";

export const testKeychainService = "privacy-router-audit-test";

export interface TestTrail {
  dataDir: string;
  keychain: Keychain;
  trail: AuditTrail;
  database: SqliteDatabase;
  /** Begins and finishes a request, as the gateway does. */
  record(receipt: Receipt): void;
  /** Closes the trail and the database, and removes the data directory. */
  dispose(): Promise<void>;
}

/** A real trail (SQLite file, Ed25519 key, head file) in a throwaway data directory, the key in memory. */
export async function openTestTrail(options: { clock?: () => Date; keychain?: Keychain } = {}): Promise<TestTrail> {
  const dataDir = mkdtempSync(join(tmpdir(), "pr-audit-"));
  const keychain = options.keychain ?? createMemoryKeychain();
  const database = openDatabase(join(dataDir, databaseFileName));
  const trail = await AuditTrail.open({
    database,
    dataDir,
    keychain,
    service: testKeychainService,
    logger: silentLogger,
    logging: configSchema.parse({}).logging,
    keychainAnchorIntervalMs: 0,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    dataDir,
    keychain,
    trail,
    database,
    record(receipt) {
      trail.begin({ ...receipt, status: "interrupted", finishedAt: null });
      trail.finish(receipt, undefined);
    },
    async dispose() {
      await trail.close();
      if (database.open) database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
