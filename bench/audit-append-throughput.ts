import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AuditTrail } from "../gateway/audit/audit-trail.js";
import { keepContent } from "../gateway/audit/kept-content.js";
import { databaseFileName, openDatabase } from "../gateway/audit/open-database.js";
import { configSchema } from "../gateway/config/config-schema.js";
import { silentLogger } from "../gateway/logging/logger.js";
import { createMemoryKeychain } from "../gateway/secrets/memory-keychain.js";
import { syntheticReceipt } from "./audit-synthetic-receipt.js";

export interface AppendThroughput {
  label: string;
  records: number;
  recordsPerSecond: number;
  microsecondsPerRecord: number;
}

/**
 * What one gateway process can record, with nothing else to do: each request's row begun, then
 * its record appended (hash, signature, one transaction written with synchronous=FULL, the
 * signed head file rewritten), exactly as the gateway does per request.
 */
export async function measureAppendThroughput(records: number): Promise<AppendThroughput[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "privacy-router-audit-bench-"));
  const database = openDatabase(join(dataDir, databaseFileName));
  try {
    const trail = await AuditTrail.open({ database, dataDir, keychain: createMemoryKeychain(), service: "bench", logger: silentLogger, logging: configSchema.parse({}).logging });
    const results: AppendThroughput[] = [];
    const text = "Please summarise the attached contract for Ada Lovelace, ada@example.com. ".repeat(28);
    for (const [label, withText] of [["metadata only (the default)", false], ["with 2 KB of kept text", true]] as const) {
      const count = withText ? Math.ceil(records / 4) : records;
      const started = performance.now();
      for (let index = 0; index < count; index++) {
        const receipt = syntheticReceipt(index + (withText ? 10_000_000 : 0), new Date());
        trail.begin(receipt);
        if (withText) {
          const { kept, receiptContent } = keepContent("full", { request: { messages: [{ role: "user", content: text }] } }, { detectors: [], now: new Date(), days: 30 });
          trail.finish({ ...receipt, content: receiptContent }, kept);
        } else {
          trail.finish(receipt, undefined);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      results.push({ label, records: count, recordsPerSecond: Math.round(count / seconds), microsecondsPerRecord: Math.round((seconds * 1e6) / count) });
    }
    await trail.close();
    return results;
  } finally {
    database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
