import type { KeyObject } from "node:crypto";
import { genesisHash, recordHash, type RecordKind } from "./record-hash.js";
import { recordStatement } from "./signed-statements.js";
import { verifyStatement } from "./signing-key.js";

/** A record as stored (or exported): enough to check its place in the chain. */
export interface ChainedRecord {
  seq: number;
  kind: RecordKind;
  requestId: string | null;
  recordedAt: string;
  body: string;
  prevHash: string;
  hash: string;
  signature: string;
}

/** Records that chain to each other without a break: one valid signature at the end vouches for all. */
export interface ConsistentRun {
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
  lastSignature: string;
}

export type ReportProblem = (seq: number | null, requestId: string | null, problem: string) => void;

/**
 * Walks records in order and checks each against the one before: no number skipped, each
 * `prev_hash` the previous record's hash, each hash recomputed from the stored fields.
 *
 * Signatures: every hash covers the whole chain before it, so within a run of records that
 * chain without a break, a valid signature on the last one proves them all, and checking one
 * signature per run instead of one per record makes a million-record trail verify in seconds
 * instead of minutes. When a run's last signature fails, the chain was rewritten (hashes
 * recomputed) from some record on: signatures are valid before that record and invalid from
 * it, so a search over the run finds exactly where (see `firstInvalidSignature`).
 */
export class ChainChecker {
  readonly #chainId: string;
  readonly #report: ReportProblem;
  readonly #runs: ConsistentRun[] = [];
  #previous: ChainedRecord | undefined;
  #run: ConsistentRun | undefined;
  #count = 0;

  /** `expectFirstSeq`: 1 for a whole trail; the first exported seq for a slice (whose first link cannot be checked, unless it is 1). */
  constructor(chainId: string, report: ReportProblem, readonly expectFirstSeq: number = 1) {
    this.#chainId = chainId;
    this.#report = report;
  }

  get count(): number {
    return this.#count;
  }

  get last(): ChainedRecord | undefined {
    return this.#previous;
  }

  add(record: ChainedRecord): void {
    this.#count += 1;
    const previous = this.#previous;
    const expectedSeq = previous === undefined ? this.expectFirstSeq : previous.seq + 1;
    let linked = true;
    if (record.seq !== expectedSeq) {
      linked = false;
      if (record.seq > expectedSeq) {
        const missing = record.seq - expectedSeq === 1 ? `record ${expectedSeq} is missing` : `records ${expectedSeq} to ${record.seq - 1} are missing`;
        this.#report(expectedSeq, null, `${missing}: the records around the gap no longer follow each other`);
      } else {
        this.#report(record.seq, record.requestId, `record ${record.seq} appears out of order (after record ${previous?.seq})`);
      }
    }
    const expectedPrevious = previous !== undefined ? previous.hash : record.seq === 1 ? genesisHash(this.#chainId) : undefined;
    if (linked && expectedPrevious !== undefined && record.prevHash !== expectedPrevious) {
      linked = false;
      this.#report(record.seq, record.requestId, "does not follow the record before it (its prev_hash is not that record's hash): records were removed, inserted or reordered here");
    }
    const recomputed = recordHash({ chainId: this.#chainId, seq: record.seq, kind: record.kind, recordedAt: record.recordedAt, prevHash: record.prevHash, body: record.body });
    const intact = recomputed === record.hash;
    if (!intact) this.#report(record.seq, record.requestId, "was changed after it was written: its stored fields no longer match its hash");

    if (!linked || !intact) this.#closeRun();
    if (intact) {
      if (this.#run === undefined) this.#run = { firstSeq: record.seq, lastSeq: record.seq, lastHash: record.hash, lastSignature: record.signature };
      else Object.assign(this.#run, { lastSeq: record.seq, lastHash: record.hash, lastSignature: record.signature });
    }
    this.#previous = record;
  }

  /** The runs to vouch for, each by its last signature. */
  finish(): ConsistentRun[] {
    this.#closeRun();
    return this.#runs;
  }

  #closeRun(): void {
    if (this.#run !== undefined) this.#runs.push(this.#run);
    this.#run = undefined;
  }
}

export function signatureIsValid(publicKey: KeyObject, hash: string, signature: string): boolean {
  return verifyStatement(publicKey, recordStatement(hash), signature);
}

/**
 * The first record of a run whose signature fails, by binary search (valid signatures come
 * before invalid ones within a run, as explained on ChainChecker). `at` reads a record's hash
 * and signature by number.
 */
export function firstInvalidSignature(publicKey: KeyObject, run: ConsistentRun, at: (seq: number) => { hash: string; signature: string }): number {
  let low = run.firstSeq;
  let high = run.lastSeq;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const record = at(middle);
    if (signatureIsValid(publicKey, record.hash, record.signature)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function rewrittenFromHere(): string {
  return "its signature is not valid: from this record on, the trail was rewritten (hashes recomputed) by someone without the audit key";
}
