import type { Receipt } from "../../shared/receipt.js";
import { checkAnchors, describeAnchorFinding, type AnchorFinding } from "./check-anchors.js";
import { ChainChecker, firstInvalidSignature, rewrittenFromHere, signatureIsValid, type ChainedRecord } from "./chain-checker.js";
import type { HeadFileState } from "./head-file.js";
import { hourlyContribution, hourOf } from "./hourly-totals.js";
import type { KeychainHead } from "./keychain-anchor.js";
import type { SqliteDatabase } from "./open-database.js";
import { contentHash, genesisHash, type RecordKind } from "./record-hash.js";
import { importPublicKey, keyFingerprint } from "./signing-key.js";
import { ProblemList } from "./problem-list.js";

export interface TrailProblem {
  /** The record that broke, when one can be named. */
  seq: number | null;
  requestId: string | null;
  problem: string;
}

export interface TrailVerification {
  ok: boolean;
  chainId: string | null;
  records: number;
  /** The fingerprint of the key the records were checked against. */
  keyFingerprint: string | null;
  /** Which anchors were compared with the trail's end. */
  anchors: Array<"file" | "keychain">;
  incidents: number;
  problems: TrailProblem[];
  /** More problems were found than are listed. */
  moreProblems: boolean;
}

export interface VerifyTrailOptions {
  /**
   * The public key (base64 SPKI) the trail must be signed with: derived from the private key
   * in the keychain or the key file when it can be read. Without it the database's own copy is
   * used, which proves the records hang together but not who wrote them.
   */
  publicKey?: string;
  /** Read before the database snapshot is taken, so a gateway writing meanwhile is never "ahead" of its own head. */
  file: HeadFileState;
  keychain: KeychainHead | undefined;
  batchSize?: number;
  maxProblems?: number;
}

interface RecordRow {
  seq: number;
  kind: RecordKind;
  request_id: string | null;
  recorded_at: string;
  body: string;
  prev_hash: string;
  hash: string;
  signature: string;
  client: string | null;
  route: string | null;
  provider: string | null;
  status: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
}

/**
 * `audit verify`: checks the stored trail from its first record to its last, in one read
 * snapshot and in batches (constant memory): every link and hash, one signature per unbroken
 * run (and a search where one fails), the query columns and finding index against the signed
 * receipts, kept text against its hash, and the trail's end against its anchors. Incident
 * records count as problems: they are the trail's own note that it was found damaged.
 */
export function verifyTrail(database: SqliteDatabase, options: VerifyTrailOptions): TrailVerification {
  const found = new ProblemList(options.maxProblems);
  const problems = found.listed;
  const report = (seq: number | null, requestId: string | null, problem: string): void => found.report(seq, requestId, problem);

  database.exec("BEGIN");
  try {
    const chain = database.prepare("SELECT chain_id, public_key FROM audit_chain LIMIT 1").get() as { chain_id: string; public_key: string } | undefined;
    if (chain === undefined) {
      if (options.file.state !== "missing") report(null, null, "there is no trail in this database, but a head file anchors one: the trail was removed");
      return { ok: found.count === 0, chainId: null, records: 0, keyFingerprint: null, anchors: [], incidents: 0, problems, moreProblems: found.more };
    }
    const publicKeyText = options.publicKey ?? chain.public_key;
    if (publicKeyText !== chain.public_key) {
      report(null, null, "the public key stored with the trail is not the one of the signing key: the trail was re-keyed by someone else");
    }
    const publicKey = importPublicKey(publicKeyText);
    const checker = new ChainChecker(chain.chain_id, report);
    const findingTypes = (database.prepare("SELECT DISTINCT finding_type FROM audit_record_findings").pluck().all() as string[]).sort();
    const batch = database.prepare("SELECT * FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?");
    const findingsOf = database.prepare("SELECT seq, count FROM audit_record_findings WHERE finding_type = ? AND seq BETWEEN ? AND ?");
    const contentOf = database.prepare("SELECT seq, content FROM audit_content WHERE seq BETWEEN ? AND ?");
    const batchSize = options.batchSize ?? 2_000;
    const hourly = new ExpectedHourlyTotals();
    let incidents = 0;
    let after = 0;
    for (;;) {
      const rows = batch.all(after, batchSize) as RecordRow[];
      if (rows.length === 0) break;
      const first = rows[0]!.seq;
      const last = rows[rows.length - 1]!.seq;
      const indexed = new Map<number, Record<string, number>>();
      for (const type of findingTypes) {
        for (const row of findingsOf.all(type, first, last) as Array<{ seq: number; count: number }>) {
          const counts = indexed.get(row.seq) ?? {};
          counts[type] = row.count;
          indexed.set(row.seq, counts);
        }
      }
      const kept = new Map((contentOf.all(first, last) as Array<{ seq: number; content: string }>).map((row) => [row.seq, row.content]));
      for (const row of rows) {
        checker.add(toChained(row));
        if (row.kind === "incident") {
          incidents += 1;
          report(row.seq, null, describeIncident(row.body));
          continue;
        }
        const receipt = checkAgainstReceipt(row, indexed.get(row.seq) ?? {}, kept.get(row.seq), report);
        if (receipt) hourly.add(receipt, row.recorded_at);
      }
      after = last;
    }

    hourly.compare(database, report);

    const at = database.prepare("SELECT hash, signature FROM audit_records WHERE seq = ?");
    for (const run of checker.finish()) {
      if (signatureIsValid(publicKey, run.lastHash, run.lastSignature)) continue;
      const seq = firstInvalidSignature(publicKey, run, (wanted) => at.get(wanted) as { hash: string; signature: string });
      report(seq, requestIdAt(database, seq), rewrittenFromHere());
    }

    const lastRecord = checker.last;
    const tail = lastRecord ? { seq: lastRecord.seq, hash: lastRecord.hash } : { seq: 0, hash: genesisHash(chain.chain_id) };
    const hashAt = database.prepare("SELECT hash FROM audit_records WHERE seq = ?").pluck();
    const anchorFindings: AnchorFinding[] = checkAnchors({
      chainId: chain.chain_id,
      publicKey: chain.public_key,
      tail,
      hashAt: (seq) => hashAt.get(seq) as string | undefined,
      file: options.file,
      keychain: options.keychain,
    });
    for (const finding of anchorFindings) report(finding.type === "anchor_mismatch" ? (finding.anchored?.seq ?? null) : null, null, describeAnchorFinding(finding));
    const anchors: Array<"file" | "keychain"> = [];
    if (options.file.state === "present") anchors.push("file");
    if (options.keychain) anchors.push("keychain");

    // In trail order, whatever pass found them; problems of the trail as a whole after those of its records.
    problems.sort((a, b) => (a.seq ?? Number.POSITIVE_INFINITY) - (b.seq ?? Number.POSITIVE_INFINITY));
    return {
      ok: found.count === 0,
      chainId: chain.chain_id,
      records: checker.count,
      keyFingerprint: keyFingerprint(publicKeyText),
      anchors,
      incidents,
      problems,
      moreProblems: found.more,
    };
  } finally {
    database.exec("COMMIT");
  }
}

function toChained(row: RecordRow): ChainedRecord {
  return { seq: row.seq, kind: row.kind, requestId: row.request_id, recordedAt: row.recorded_at, body: row.body, prevHash: row.prev_hash, hash: row.hash, signature: row.signature };
}

function requestIdAt(database: SqliteDatabase, seq: number): string | null {
  return (database.prepare("SELECT request_id FROM audit_records WHERE seq = ?").pluck().get(seq) as string | null | undefined) ?? null;
}

/** The copies kept for queries, the finding index and kept text must all agree with the signed receipt. */
function checkAgainstReceipt(row: RecordRow, indexedFindings: Record<string, number>, keptText: string | undefined, report: (seq: number, requestId: string | null, problem: string) => void): Receipt | undefined {
  let receipt: Receipt;
  try {
    receipt = JSON.parse(row.body) as Receipt;
  } catch {
    report(row.seq, row.request_id, "its receipt is not valid JSON");
    return undefined;
  }
  const copies: Array<[string, unknown, unknown]> = [
    ["request_id", row.request_id, receipt.requestId],
    ["client", row.client, receipt.client],
    ["route", row.route, receipt.route],
    ["provider", row.provider, receipt.provider],
    ["status", row.status, receipt.status],
    ["prompt_tokens", row.prompt_tokens, receipt.tokens?.prompt ?? null],
    ["completion_tokens", row.completion_tokens, receipt.tokens?.completion ?? null],
    ["cost_usd", row.cost_usd, receipt.costUsd],
    ["latency_ms", row.latency_ms, receipt.latencyMs?.total ?? null],
  ];
  const differing = copies.filter(([, stored, signed]) => stored !== signed).map(([column]) => column);
  if (differing.length > 0) report(row.seq, row.request_id, `its ${differing.join(", ")} column(s) differ from its signed receipt: the audit view would show something else`);

  const signedFindings = Object.entries(receipt.findings ?? {}).filter(([, count]) => (count ?? 0) > 0);
  const indexed = Object.entries(indexedFindings);
  const sameFindings = signedFindings.length === indexed.length && signedFindings.every(([type, count]) => indexedFindings[type] === count);
  if (!sameFindings) report(row.seq, row.request_id, "its finding-type index differs from its signed receipt");

  if (keptText !== undefined && contentHash(keptText) !== receipt.content?.sha256) {
    report(row.seq, row.request_id, "its kept text was changed: it no longer matches the hash in its receipt");
  }
  return receipt;
}

/**
 * The dashboard's hourly totals as the records say they should be, compared at the end with
 * the stored ones: totals are derived data, but a changed total would make the dashboard lie.
 */
class ExpectedHourlyTotals {
  readonly #totals = new Map<string, ReturnType<typeof hourlyContribution>>();
  readonly #findings = new Map<string, number>();

  add(receipt: Receipt, recordedAt: string): void {
    const key = [hourOf(recordedAt), receipt.client, receipt.route, receipt.provider, receipt.status].join("\u0000");
    const contribution = hourlyContribution(receipt);
    const total = this.#totals.get(key);
    if (total === undefined) this.#totals.set(key, contribution);
    else for (const name of Object.keys(contribution) as Array<keyof typeof contribution>) total[name] += contribution[name];
    for (const [type, count] of Object.entries(receipt.findings ?? {})) {
      if (count) this.#findings.set(`${key}\u0000${type}`, (this.#findings.get(`${key}\u0000${type}`) ?? 0) + count);
    }
  }

  compare(database: SqliteDatabase, report: (seq: number | null, requestId: string | null, problem: string) => void): void {
    const differing = new Set<string>();
    const rows = database.prepare("SELECT * FROM audit_hourly").all() as Array<Record<string, string | number>>;
    for (const row of rows) {
      const key = [row.hour, row.client, row.route, row.provider, row.status].join("\u0000");
      const expected = this.#totals.get(key);
      this.#totals.delete(key);
      const same =
        expected !== undefined &&
        expected.records === row.records &&
        expected.promptTokens === row.prompt_tokens &&
        expected.completionTokens === row.completion_tokens &&
        expected.timed === row.timed &&
        close(expected.costUsd, Number(row.cost_usd)) &&
        close(expected.latencyMs, Number(row.latency_ms));
      if (!same) differing.add(String(row.hour));
    }
    for (const key of this.#totals.keys()) differing.add(key.split("\u0000")[0] ?? "");
    const findingRows = database.prepare("SELECT * FROM audit_hourly_findings").all() as Array<Record<string, string | number>>;
    for (const row of findingRows) {
      const key = [row.hour, row.client, row.route, row.provider, row.status, row.finding_type].join("\u0000");
      if (this.#findings.get(key) !== row.count) differing.add(String(row.hour));
      this.#findings.delete(key);
    }
    for (const key of this.#findings.keys()) differing.add(key.split("\u0000")[0] ?? "");
    for (const hour of [...differing].sort()) report(null, null, `the dashboard totals for the hour ${hour}:00 UTC differ from the records in it (records or totals were changed)`);
  }
}

/** Sums of floating-point numbers depend on their order; a cent's billionth is not a difference. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function describeIncident(body: string): string {
  try {
    const incident = JSON.parse(body) as AnchorFinding & { foundAt?: string };
    return `incident found at start-up on ${incident.foundAt ?? "an unknown date"}: ${describeAnchorFinding(incident)}`;
  } catch {
    return "an incident record that cannot be read";
  }
}
