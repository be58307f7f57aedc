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
  /** Aborts the running verification; replaced for each run. */
  #abort: AbortController | undefined;
  #disposed = false;

  constructor(location: AuditKeyLocation, events: AdminEventBus, clock: () => Date = () => new Date()) {
    this.#location = location;
    this.#events = events;
    this.#clock = clock;
  }

  state(): AuditVerificationState {
    return this.#state;
  }

  /** Starts a verification unless one is running (or the gateway is stopping); either way answers the current state. */
  start(): AuditVerificationState {
    if (this.#running || this.#disposed) return this.#state;
    this.#update({ state: "running", startedAt: this.#clock().toISOString(), finishedAt: null, result: null, error: null });
    const abort = new AbortController();
    this.#abort = abort;
    this.#running = this.#run(abort.signal)
      .then((result) => this.#update({ ...this.#state, state: "done", finishedAt: this.#clock().toISOString(), result: toResult(result) }))
      .catch((error: unknown) => this.#update({ ...this.#state, state: "failed", finishedAt: this.#clock().toISOString(), error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.#running = undefined;
        this.#abort = undefined;
      });
    return this.#state;
  }

  /** Stops the running verification (its worker is terminated); it ends as `failed`. */
  async cancel(reason = "the verification was cancelled"): Promise<void> {
    this.#abort?.abort(new Error(reason));
    await this.settled();
  }

  /** For gateway shutdown: cancels a running verification and refuses new ones. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.cancel("the gateway stopped before the verification finished");
  }

  /** Resolves when the running verification (if any) has ended. */
  async settled(): Promise<void> {
    await this.#running;
  }

  #update(state: AuditVerificationState): void {
    this.#state = state;
    this.#events.publish({ type: "audit.verify", verification: state });
  }

  async #run(signal: AbortSignal): Promise<TrailVerification> {
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
    signal.throwIfAborted();
    const workerPath = fileURLToPath(workerUrl);
    if (workerPath.endsWith(".js") && existsSync(workerPath)) return runInWorker({ databasePath, options }, signal);
    await new Promise((resolve) => setImmediate(resolve));
    // On the main thread the check itself cannot be interrupted: a cancel only stops it starting.
    signal.throwIfAborted();
    const database = openDatabaseForReading(databasePath);
    try {
      return verifyTrail(database, options);
    } finally {
      database.close();
    }
  }
}

/** Verifies in a worker thread; an abort terminates the worker, so shutdown never waits on a long check. */
function runInWorker(input: VerifyTrailWorkerInput, signal: AbortSignal): Promise<TrailVerification> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: input });
    const onAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error("the verification was cancelled"));
      void worker.terminate();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (message: { result?: TrailVerification; error?: string }) => {
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? "the verification failed"));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      signal.removeEventListener("abort", onAbort);
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
