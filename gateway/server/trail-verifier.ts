import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AuditVerificationResult, AuditVerificationState } from "../../shared/admin-api.js";
import { loadTrailKey, readAnchors, readChain } from "../audit/audit-status.js";
import type { AuditKeyLocation } from "../audit/audit-key-store.js";
import { databaseFileName, openDatabaseForReading } from "../audit/open-database.js";
import { verifyTrail, type TrailVerification, type VerifyTrailOptions } from "../audit/verify-trail.js";
import type { VerifyTrailWorkerInput } from "../audit/verify-trail-worker.js";
import type { AdminEventBus } from "./admin-events.js";

const workerUrl = new URL("../audit/verify-trail-worker.js", import.meta.url);

/**
 * Runs `audit verify` for the admin API, one at a time, beside the requests being served: in a
 * worker thread when the gateway runs from its build; from source (the test runner, which cannot
 * load TypeScript in a worker) on the main thread after the current turn. The key and anchors
 * are read here, since the audit keychain may be one only this thread holds.
 */
export class TrailVerifier {
  readonly #location: AuditKeyLocation;
  readonly #events: AdminEventBus;
  readonly #clock: () => Date;
  #state: AuditVerificationState = { state: "idle", startedAt: null, finishedAt: null, result: null, error: null };
  #running: Promise<void> | undefined;

  constructor(location: AuditKeyLocation, events: AdminEventBus, clock: () => Date = () => new Date()) {
    this.#location = location;
    this.#events = events;
    this.#clock = clock;
  }

  state(): AuditVerificationState {
    return this.#state;
  }

  /** Starts a verification unless one is running; either way answers the current state. */
  start(): AuditVerificationState {
    if (this.#running) return this.#state;
    this.#update({ state: "running", startedAt: this.#clock().toISOString(), finishedAt: null, result: null, error: null });
    this.#running = this.#run()
      .then((result) => this.#update({ ...this.#state, state: "done", finishedAt: this.#clock().toISOString(), result: toResult(result) }))
      .catch((error: unknown) => this.#update({ ...this.#state, state: "failed", finishedAt: this.#clock().toISOString(), error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#state;
  }

  /** Resolves when the running verification (if any) has ended. */
  async settled(): Promise<void> {
    await this.#running;
  }

  #update(state: AuditVerificationState): void {
    this.#state = state;
    this.#events.publish({ type: "audit.verify", verification: state });
  }

  async #run(): Promise<TrailVerification> {
    const databasePath = join(this.#location.dataDir, databaseFileName);
    const reader = openDatabaseForReading(databasePath);
    let chain;
    try {
      chain = readChain(reader);
    } finally {
      reader.close();
    }
    const loaded = chain ? await loadTrailKey(chain, this.#location) : undefined;
    // Anchors first, then the snapshot: a gateway appending meanwhile is then never "behind" its own head.
    const anchors = await readAnchors(chain, this.#location);
    const options: VerifyTrailOptions = { ...(loaded && "key" in loaded ? { publicKey: loaded.key.publicKey } : {}), ...anchors };
    const workerPath = fileURLToPath(workerUrl);
    if (workerPath.endsWith(".js") && existsSync(workerPath)) return runInWorker({ databasePath, options });
    await new Promise((resolve) => setImmediate(resolve));
    const database = openDatabaseForReading(databasePath);
    try {
      return verifyTrail(database, options);
    } finally {
      database.close();
    }
  }
}

function runInWorker(input: VerifyTrailWorkerInput): Promise<TrailVerification> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: input });
    worker.once("message", (message: { result?: TrailVerification; error?: string }) => {
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? "the verification failed"));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the verification stopped (exit ${code})`));
    });
  });
}

function toResult(verification: TrailVerification): AuditVerificationResult {
  const first = verification.problems[0];
  return {
    ok: verification.ok,
    records: verification.records,
    keyFingerprint: verification.keyFingerprint,
    anchors: verification.anchors,
    incidents: verification.incidents,
    firstBroken: verification.ok || !first ? null : { seq: first.seq, requestId: first.requestId, problem: first.problem },
    problems: verification.problems,
    moreProblems: verification.moreProblems,
  };
}
