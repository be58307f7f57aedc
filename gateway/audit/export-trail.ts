import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Receipt } from "../../shared/receipt.js";
import { canonicalJson } from "./canonical-json.js";
import type { SqliteDatabase } from "./open-database.js";
import { genesisHash, type RecordKind } from "./record-hash.js";
import { exportSealStatement, type ExportSealFields } from "./signed-statements.js";
import { keyFingerprint, type AuditSigningKey } from "./signing-key.js";

export const exportFormat = "privacy-router-audit-export";

export interface ExportOptions {
  format: "jsonl" | "csv";
  /** ISO 8601; records written at or after it. */
  since?: string | undefined;
  /** ISO 8601; records written before it. */
  until?: string | undefined;
  output: Writable;
  /** Seals a JSONL export; required for it. */
  key?: AuditSigningKey | undefined;
  clock?: () => Date;
  batchSize?: number;
}

export interface ExportSummary {
  records: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

interface ExportRow {
  seq: number;
  kind: RecordKind;
  request_id: string | null;
  recorded_at: string;
  body: string;
  prev_hash: string;
  hash: string;
  signature: string;
}

/**
 * `audit export`: the records written in a time window, streamed in batches from one read
 * snapshot, so memory stays flat however long the trail is.
 *
 * JSONL is for proof: a header (chain id and public key), one line per record with everything
 * its hash covers, and a seal signed with the chain's key that names the count, the first and
 * last record and where the chain stood. A window is turned into a contiguous range of record
 * numbers, so the export holds whole links, and a dropped line breaks either a link or the
 * seal. `audit verify FILE` checks it with nothing but the file (and, ideally, a fingerprint
 * of the key the auditor got separately).
 *
 * CSV is for reading: one row per request, no proof.
 */
export async function exportTrail(database: SqliteDatabase, options: ExportOptions): Promise<ExportSummary> {
  if (options.format === "jsonl" && options.key === undefined) throw new Error("a JSONL export must be sealed with the audit signing key");
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 1_000;
  const write = async (text: string): Promise<void> => {
    if (!options.output.write(text)) await once(options.output, "drain");
  };

  database.exec("BEGIN");
  try {
    const chain = database.prepare("SELECT chain_id, public_key FROM audit_chain LIMIT 1").get() as { chain_id: string; public_key: string } | undefined;
    const tail = (database.prepare("SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined) ?? {
      seq: 0,
      hash: chain ? genesisHash(chain.chain_id) : "",
    };
    const range = seqRange(database, options.since, options.until, tail.seq);
    const exportedAt = clock().toISOString();
    if (options.format === "jsonl") {
      if (chain === undefined) throw new Error("there is no audit trail in this database yet");
      if (options.key?.publicKey !== chain.public_key) throw new Error("the signing key does not belong to this trail");
      await write(
        `${canonicalJson({
          format: exportFormat,
          version: 1,
          chainId: chain.chain_id,
          publicKey: chain.public_key,
          keyFingerprint: keyFingerprint(chain.public_key),
          exportedAt,
          since: options.since ?? null,
          until: options.until ?? null,
        })}\n`,
      );
    } else {
      await write(`${csvHeader.join(",")}\r\n`);
    }

    const batch = database.prepare("SELECT seq, kind, request_id, recorded_at, body, prev_hash, hash, signature FROM audit_records WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?");
    let count = 0;
    let last: ExportRow | undefined;
    let after = range.first - 1;
    while (after < range.last) {
      const rows = batch.all(after, range.last, batchSize) as ExportRow[];
      if (rows.length === 0) break;
      let text = "";
      for (const row of rows) {
        text += options.format === "jsonl" ? `${jsonlRecord(row)}\n` : csvRecord(row);
        count += 1;
        last = row;
      }
      await write(text);
      after = rows[rows.length - 1]!.seq;
    }

    if (options.format === "jsonl" && chain && options.key) {
      const seal: ExportSealFields = {
        chainId: chain.chain_id,
        count,
        firstSeq: count > 0 ? range.first : null,
        lastSeq: last?.seq ?? null,
        lastHash: last?.hash ?? null,
        headSeq: tail.seq,
        headHash: tail.hash,
        exportedAt,
      };
      await write(`${canonicalJson({ type: "seal", ...seal, signature: options.key.sign(exportSealStatement(seal)) })}\n`);
    }
    return { records: count, firstSeq: count > 0 ? range.first : null, lastSeq: last?.seq ?? null };
  } finally {
    database.exec("COMMIT");
  }
}

/** A time window as record numbers: the first record written at or after `since`, the last written before `until`. */
function seqRange(database: SqliteDatabase, since: string | undefined, until: string | undefined, tailSeq: number): { first: number; last: number } {
  const first = since === undefined ? 1 : ((database.prepare("SELECT seq FROM audit_records WHERE recorded_at >= ? ORDER BY recorded_at, seq LIMIT 1").pluck().get(since) as number | null) ?? tailSeq + 1);
  const last = until === undefined ? tailSeq : ((database.prepare("SELECT seq FROM audit_records WHERE recorded_at < ? ORDER BY recorded_at DESC, seq DESC LIMIT 1").pluck().get(until) as number | null) ?? 0);
  return { first, last };
}

function jsonlRecord(row: ExportRow): string {
  return canonicalJson({
    type: "record",
    seq: row.seq,
    kind: row.kind,
    requestId: row.request_id,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
    body: JSON.parse(row.body) as unknown,
  });
}

const csvHeader = [
  "seq",
  "recorded_at",
  "kind",
  "request_id",
  "started_at",
  "finished_at",
  "client",
  "endpoint",
  "requested_model",
  "status",
  "http_status",
  "error_code",
  "route",
  "action",
  "provider",
  "model",
  "data_region",
  "policy_version",
  "classes",
  "findings",
  "response_findings",
  "redactions",
  "attempts",
  "prompt_tokens",
  "completion_tokens",
  "cost_usd",
  "latency_total_ms",
  "outbound_sha256",
  "content_level",
  "hash",
];

function csvRecord(row: ExportRow): string {
  if (row.kind !== "request") return `${[row.seq, row.recorded_at, row.kind].map(csvCell).join(",")}${",".repeat(csvHeader.length - 4)},${csvCell(row.hash)}\r\n`;
  const receipt = JSON.parse(row.body) as Receipt;
  const counts = (findings: Receipt["findings"] | null): string =>
    findings === null ? "" : Object.entries(findings).map(([type, count]) => `${type}=${count}`).join(";");
  const cells = [
    row.seq,
    row.recorded_at,
    row.kind,
    receipt.requestId,
    receipt.startedAt,
    receipt.finishedAt,
    receipt.client,
    receipt.endpoint,
    receipt.requestedModel,
    receipt.status,
    receipt.httpStatus,
    receipt.errorCode,
    receipt.route,
    receipt.action,
    receipt.provider,
    receipt.model,
    receipt.dataTerms?.region ?? null,
    receipt.policyVersion,
    receipt.classes.join(";"),
    counts(receipt.findings),
    counts(receipt.responseFindings),
    receipt.redactions,
    receipt.attempts.map((attempt) => `${attempt.provider}/${attempt.model}:${attempt.outcome}${attempt.errorCode ? `(${attempt.errorCode})` : ""}`).join(";"),
    receipt.tokens?.prompt ?? null,
    receipt.tokens?.completion ?? null,
    receipt.costUsd,
    receipt.latencyMs.total,
    receipt.outboundSha256,
    receipt.content.level,
    row.hash,
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula
 * (a client name or model name is text a client chose).
 */
function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
