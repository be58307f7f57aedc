import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import { ChainChecker, rewrittenFromHere, signatureIsValid, type ChainedRecord, type ConsistentRun } from "./chain-checker.js";
import { exportFormat } from "./export-trail.js";
import type { RecordKind } from "./record-hash.js";
import { exportSealStatement, type ExportSealFields } from "./signed-statements.js";
import { importPublicKey, keyFingerprint, verifyStatement } from "./signing-key.js";
import type { TrailProblem } from "./verify-trail.js";
import { ProblemList } from "./problem-list.js";

export interface ExportVerification {
  ok: boolean;
  chainId: string | null;
  keyFingerprint: string | null;
  /** True when the key was compared with one the auditor supplied. */
  keyPinned: boolean;
  records: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Where the whole chain stood when the export was made. */
  headSeq: number | null;
  problems: TrailProblem[];
  moreProblems: boolean;
}

interface ExportHeader {
  chainId: string;
  publicKey: string;
}

/**
 * `audit verify FILE`: checks a JSONL export offline, with nothing but the file. Every record's
 * link and hash, one signature per unbroken run (a second pass over the file finds the first
 * bad signature where a run fails), and the seal: signed by the same key, it names the count,
 * the first and last record and the chain's head, so a line removed anywhere is noticed.
 *
 * The public key travels in the file, so the file alone proves only that it is internally
 * consistent and signed by *some* key. Proof that *this gateway* wrote it needs the key's
 * fingerprint from the gateway's machine (`privacy-router audit status`), given as `pinnedKey`.
 */
export async function verifyExportFile(path: string, options: { pinnedKey?: string; maxProblems?: number } = {}): Promise<ExportVerification> {
  const found = new ProblemList(options.maxProblems);
  const problems = found.listed;
  const report = (seq: number | null, requestId: string | null, problem: string): void => found.report(seq, requestId, problem);

  let header: ExportHeader | undefined;
  let publicKey: KeyObject | undefined;
  let checker: ChainChecker | undefined;
  let seal: (ExportSealFields & { signature: string }) | undefined;
  let firstSeq: number | null = null;
  let lineNumber = 0;

  for await (const line of readLines(path)) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      report(null, null, `line ${lineNumber} is not JSON`);
      continue;
    }
    if (header === undefined) {
      if (value.format !== exportFormat || typeof value.chainId !== "string" || typeof value.publicKey !== "string") {
        report(null, null, "the file does not start with a Privacy Router audit export header");
        break;
      }
      header = { chainId: value.chainId, publicKey: value.publicKey };
      try {
        publicKey = importPublicKey(header.publicKey);
      } catch {
        report(null, null, "the export's public key cannot be read");
        break;
      }
      continue;
    }
    if (seal !== undefined) {
      report(null, null, `line ${lineNumber} comes after the seal: lines were added to the export`);
      continue;
    }
    if (value.type === "seal") {
      seal = value as unknown as ExportSealFields & { signature: string };
      continue;
    }
    const record = toChained(value);
    if (record === undefined) {
      report(null, null, `line ${lineNumber} is not an audit record`);
      continue;
    }
    if (checker === undefined) {
      firstSeq = record.seq;
      checker = new ChainChecker(header.chainId, report, record.seq);
    }
    checker.add(record);
  }

  const base = { chainId: header?.chainId ?? null, keyFingerprint: header ? keyFingerprint(header.publicKey) : null, keyPinned: false, records: checker?.count ?? 0, firstSeq, lastSeq: checker?.last?.seq ?? null, headSeq: seal?.headSeq ?? null };
  if (header === undefined || publicKey === undefined) {
    if (found.count === 0) report(null, null, "the file is empty");
    return { ...base, ok: false, problems, moreProblems: found.more };
  }

  if (options.pinnedKey !== undefined) {
    base.keyPinned = true;
    const pinned = options.pinnedKey.trim();
    if (pinned !== base.keyFingerprint && pinned !== header.publicKey) {
      report(null, null, `the export is signed by ${base.keyFingerprint}, not by the key given (${pinned}): it was not written by that gateway`);
    }
  }

  const failing: ConsistentRun[] = [];
  for (const run of checker?.finish() ?? []) {
    if (!signatureIsValid(publicKey, run.lastHash, run.lastSignature)) failing.push(run);
  }
  if (failing.length > 0) await reportFirstBadSignatures(path, publicKey, failing, report);

  if (seal === undefined) {
    report(null, null, "the export has no seal: it was cut short, or its last line was removed");
  } else {
    const fields: ExportSealFields = {
      chainId: seal.chainId,
      count: seal.count,
      firstSeq: seal.firstSeq,
      lastSeq: seal.lastSeq,
      lastHash: seal.lastHash,
      headSeq: seal.headSeq,
      headHash: seal.headHash,
      exportedAt: seal.exportedAt,
    };
    if (!verifyStatement(publicKey, exportSealStatement(fields), seal.signature)) {
      report(null, null, "the seal's signature is not valid: the seal was written or changed without the audit key");
    } else {
      const last = checker?.last;
      if (fields.chainId !== header.chainId) report(null, null, "the seal belongs to another trail than the header");
      if (fields.count !== (checker?.count ?? 0)) report(null, null, `the seal says ${fields.count} records, the file holds ${checker?.count ?? 0}: records were removed or added`);
      if (fields.firstSeq !== firstSeq) report(null, null, `the seal says the export starts at record ${fields.firstSeq}, the file at ${firstSeq}`);
      if (fields.lastSeq !== (last?.seq ?? null) || fields.lastHash !== (last?.hash ?? null)) {
        report(last?.seq ?? null, last?.requestId ?? null, `the seal says the export ends at record ${fields.lastSeq}; the file ends elsewhere or differently`);
      }
    }
  }
  return { ...base, ok: found.count === 0, problems, moreProblems: found.more };
}

/** Second pass, only over runs whose last signature failed: the first bad signature in each. */
async function reportFirstBadSignatures(path: string, publicKey: KeyObject, runs: ConsistentRun[], report: (seq: number | null, requestId: string | null, problem: string) => void): Promise<void> {
  const pending = [...runs];
  for await (const line of readLines(path)) {
    if (pending.length === 0) break;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const record = toChained(value);
    if (record === undefined) continue;
    const run = pending.find((candidate) => record.seq >= candidate.firstSeq && record.seq <= candidate.lastSeq);
    if (run === undefined) continue;
    if (!signatureIsValid(publicKey, record.hash, record.signature)) {
      report(record.seq, record.requestId, rewrittenFromHere());
      pending.splice(pending.indexOf(run), 1);
    }
  }
}

function toChained(value: Record<string, unknown>): ChainedRecord | undefined {
  const { seq, kind, requestId, recordedAt, prevHash, hash, signature, body } = value;
  if (value.type !== "record" || typeof seq !== "number" || (kind !== "request" && kind !== "incident") || typeof recordedAt !== "string" || typeof prevHash !== "string" || typeof hash !== "string" || typeof signature !== "string") {
    return undefined;
  }
  let canonical: string;
  try {
    canonical = canonicalJson(body);
  } catch {
    return undefined;
  }
  return { seq, kind: kind as RecordKind, requestId: typeof requestId === "string" ? requestId : null, recordedAt, prevHash, hash, signature, body: canonical };
}

function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
}
