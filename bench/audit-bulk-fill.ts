import { canonicalJson } from "../gateway/audit/canonical-json.js";
import { HourlyTotals } from "../gateway/audit/hourly-totals.js";
import type { SqliteDatabase } from "../gateway/audit/open-database.js";
import { recordHash } from "../gateway/audit/record-hash.js";
import { recordStatement } from "../gateway/audit/signed-statements.js";
import type { AuditSigningKey } from "../gateway/audit/signing-key.js";
import { syntheticReceipt } from "./audit-synthetic-receipt.js";

/**
 * Grows a trail to `untilSeq` records quickly, for the query measurements: the same rows,
 * hashes and signatures AuditTrail writes, but thousands per transaction and without waiting
 * for the disk (the gateway waits for it on every append; that cost is measured separately).
 */
export function bulkFill(options: {
  database: SqliteDatabase;
  key: AuditSigningKey;
  chainId: string;
  tail: { seq: number; hash: string };
  untilSeq: number;
  firstRecordedAt: number;
  stepMilliseconds: number;
}): { seq: number; hash: string } {
  const { database } = options;
  const insertRecord = database.prepare(
    `INSERT INTO audit_records (seq, kind, request_id, recorded_at, body, prev_hash, hash, signature,
       client, route, provider, status, prompt_tokens, completion_tokens, cost_usd, latency_ms)
     VALUES (?, 'request', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFinding = database.prepare("INSERT INTO audit_record_findings (finding_type, seq, count) VALUES (?, ?, ?)");
  const hourlyTotals = new HourlyTotals(database);
  let { seq, hash } = options.tail;
  database.pragma("synchronous = OFF");
  try {
    while (seq < options.untilSeq) {
      const batchEnd = Math.min(options.untilSeq, seq + 10_000);
      database.transaction(() => {
        while (seq < batchEnd) {
          seq += 1;
          const recordedAt = new Date(options.firstRecordedAt + seq * options.stepMilliseconds);
          const receipt = syntheticReceipt(seq, new Date(recordedAt.getTime() - 2_000));
          const body = canonicalJson(receipt);
          const prevHash = hash;
          hash = recordHash({ chainId: options.chainId, seq, kind: "request", recordedAt: recordedAt.toISOString(), prevHash, body });
          insertRecord.run(
            seq,
            receipt.requestId,
            recordedAt.toISOString(),
            body,
            prevHash,
            hash,
            options.key.sign(recordStatement(hash)),
            receipt.client,
            receipt.route,
            receipt.provider,
            receipt.status,
            receipt.tokens?.prompt ?? null,
            receipt.tokens?.completion ?? null,
            receipt.costUsd,
            receipt.latencyMs.total,
          );
          for (const [type, count] of Object.entries(receipt.findings)) if (count) insertFinding.run(type, seq, count);
          hourlyTotals.add(receipt, recordedAt.toISOString());
        }
      })();
    }
  } finally {
    database.pragma("synchronous = NORMAL");
  }
  return { seq, hash };
}
