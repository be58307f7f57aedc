import { randomUUID } from "node:crypto";
import type { Receipt } from "../../shared/receipt.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Logger } from "../logging/logger.js";
import type { Keychain } from "../secrets/keychain.js";
import { AuditKeyError, createSigningKey, loadSigningKey } from "./audit-key-store.js";
import { canonicalJson } from "./canonical-json.js";
import { checkAnchors, type AnchorFinding } from "./check-anchors.js";
import { readHeadFile } from "./head-file.js";
import { HourlyTotals } from "./hourly-totals.js";
import { HeadFileWriter } from "./head-file-writer.js";
import type { KeptContent } from "./kept-content.js";
import { KeychainAnchor, readKeychainHead } from "./keychain-anchor.js";
import { loggingChoice, trimReceipt } from "./logging-rules.js";
import type { SqliteDatabase, SqliteStatement } from "./open-database.js";
import { receiptFromRow } from "./receipt-from-row.js";
import { genesisHash, recordHash, type RecordKind } from "./record-hash.js";
import type { RequestAudit } from "./request-audit.js";
import { RequestLog } from "./request-log.js";
import { headStatement, recordStatement } from "./signed-statements.js";
import type { AuditSigningKey, KeyStorage } from "./signing-key.js";

export interface AuditTrailOptions {
  database: SqliteDatabase;
  dataDir: string;
  /** Where the signing key and the keychain anchor live. */
  keychain: Keychain;
  service: string;
  logger: Logger;
  logging: GatewayConfig["logging"];
  clock?: () => Date;
  /** Least time between two keychain anchor writes. */
  keychainAnchorIntervalMs?: number;
}

export interface ChainTail {
  seq: number;
  hash: string;
}

/** What `doctor` and the UI show about the trail. */
export interface AuditTrailDescription {
  chainId: string;
  records: number;
  keyStorage: KeyStorage;
  keyLocation: string;
  keyFingerprint: string;
  /** Why the key is not in the OS keychain, when it is in a file. */
  keychainProblem: string | undefined;
}

/** An `audit_records` row, named as the insert statement's parameters. */
interface RecordRow {
  seq: number;
  kind: RecordKind;
  requestId: string | null;
  recordedAt: string;
  body: string;
  prevHash: string;
  hash: string;
  signature: string;
  client: string | null;
  route: string | null;
  provider: string | null;
  status: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
}

interface ChainRow {
  chain_id: string;
  created_at: string;
  public_key: string;
  key_storage: KeyStorage;
}

/**
 * The append-only, hash-chained audit trail. Every finished request appends one record: its
 * receipt as canonical JSON, chained to the record before by `prev_hash`, hashed, and signed
 * with the chain's Ed25519 key. After each append the signed head (last seq and hash) is
 * rewritten outside the database, and from time to time into the OS keychain, so a trail that
 * loses its last records no longer reaches its anchors.
 *
 * One gateway process writes a chain (the data-directory lock sees to it), so the tail is
 * kept in memory and each append is one synchronous transaction that also closes the
 * request's row. Appends are written with synchronous=FULL: the record is on disk before the
 * client sees the end of its answer, and the head file can never be ahead of the database.
 */
export class AuditTrail implements RequestAudit {
  readonly #database: SqliteDatabase;
  readonly #chainId: string;
  readonly #key: AuditSigningKey;
  readonly #keychainProblem: string | undefined;
  readonly #requestLog: RequestLog;
  readonly #logger: Logger;
  readonly #logging: GatewayConfig["logging"];
  readonly #clock: () => Date;
  readonly #keychainAnchor: KeychainAnchor | undefined;
  readonly #headFile: HeadFileWriter;
  readonly #insertRecord: SqliteStatement;
  readonly #insertFinding: SqliteStatement;
  readonly #insertContent: SqliteStatement;
  /** One transaction: the record, then what the caller adds to it. Built once, not per append. */
  readonly #writeRecord: (record: RecordRow, alsoInTransaction: (seq: number, recordedAt: string) => void) => void;
  readonly #hourlyTotals: HourlyTotals;
  #tail: ChainTail;

  private constructor(options: AuditTrailOptions, chainId: string, key: AuditSigningKey, keychainProblem: string | undefined) {
    this.#database = options.database;
    this.#chainId = chainId;
    this.#key = key;
    this.#keychainProblem = keychainProblem;
    this.#requestLog = new RequestLog(options.database);
    this.#logger = options.logger;
    this.#logging = options.logging;
    this.#clock = options.clock ?? (() => new Date());
    this.#keychainAnchor =
      key.storage === "keychain"
        ? new KeychainAnchor({
            keychain: options.keychain,
            service: options.service,
            chainId,
            intervalMs: options.keychainAnchorIntervalMs ?? 10_000,
            onProblem: (reason) => options.logger.log("warn", "the audit head could not be written to the OS keychain", { reason }),
          })
        : undefined;
    this.#headFile = new HeadFileWriter({
      dataDir: options.dataDir,
      sign: (fields) => ({ ...fields, signature: key.sign(headStatement(fields)) }),
      onProblem: (reason) => options.logger.log("error", "the audit head file could not be written", { reason }),
    });
    this.#insertRecord = options.database.prepare(
      `INSERT INTO audit_records (seq, kind, request_id, recorded_at, body, prev_hash, hash, signature,
         client, route, provider, status, prompt_tokens, completion_tokens, cost_usd, latency_ms)
       VALUES (@seq, @kind, @requestId, @recordedAt, @body, @prevHash, @hash, @signature,
         @client, @route, @provider, @status, @promptTokens, @completionTokens, @costUsd, @latencyMs)`,
    );
    this.#insertFinding = options.database.prepare("INSERT INTO audit_record_findings (finding_type, seq, count) VALUES (?, ?, ?)");
    this.#insertContent = options.database.prepare("INSERT INTO audit_content (seq, level, content, expires_at) VALUES (?, ?, ?, ?)");
    this.#hourlyTotals = new HourlyTotals(options.database);
    this.#writeRecord = options.database.transaction((record: RecordRow, alsoInTransaction: (seq: number, recordedAt: string) => void) => {
      this.#insertRecord.run(record);
      alsoInTransaction(record.seq, record.recordedAt);
    });
    this.#tail = readTail(options.database, chainId);
  }

  /**
   * Opens the chain (creating it and its key on first use), checks the anchors against the
   * stored tail, records what a crash interrupted, and re-anchors. A key that is missing or
   * does not match the chain stops the gateway: it would write records nobody can verify.
   */
  static async open(options: AuditTrailOptions): Promise<AuditTrail> {
    const { database } = options;
    const location = { dataDir: options.dataDir, keychain: options.keychain, service: options.service };
    const signal = AbortSignal.timeout(15_000);
    let chain = database.prepare("SELECT * FROM audit_chain LIMIT 1").get() as ChainRow | undefined;
    let key: AuditSigningKey;
    let keychainProblem: string | undefined;
    if (chain === undefined) {
      const chainId = randomUUID();
      const created = await createSigningKey(chainId, location, signal);
      key = created.key;
      keychainProblem = created.keychainProblem;
      chain = { chain_id: chainId, created_at: (options.clock ?? (() => new Date()))().toISOString(), public_key: key.publicKey, key_storage: key.storage };
      database.prepare("INSERT INTO audit_chain (chain_id, created_at, public_key, key_storage) VALUES (@chain_id, @created_at, @public_key, @key_storage)").run(chain);
      if (keychainProblem !== undefined) {
        options.logger.log("warn", "no OS keychain: the audit signing key is kept in a file only this user can read", { path: key.location, reason: keychainProblem });
      }
    } else {
      key = await loadSigningKey(chain.chain_id, chain.key_storage, location, signal);
      if (key.publicKey !== chain.public_key) {
        throw new AuditKeyError(`the audit signing key in ${key.location} does not belong to this trail (chain ${chain.chain_id}); restore the right key, or move the database aside to begin a new trail`);
      }
    }

    const trail = new AuditTrail(options, chain.chain_id, key, keychainProblem);
    const keychainHead = trail.#keychainAnchor ? await readKeychainHead(options.keychain, options.service, chain.chain_id, signal).catch(() => undefined) : undefined;
    const findings = checkAnchors({
      chainId: chain.chain_id,
      publicKey: chain.public_key,
      tail: trail.#tail,
      hashAt: (seq) => trail.hashAt(seq),
      file: readHeadFile(options.dataDir),
      keychain: keychainHead,
    });
    for (const finding of findings) trail.#recordIncident(finding);
    trail.#recoverInterrupted();
    await trail.#headFile.flush();
    trail.#headFile.writeNow(trail.#headFields());
    trail.#anchor();
    return trail;
  }

  get chainId(): string {
    return this.#chainId;
  }

  get tail(): ChainTail {
    return { ...this.#tail };
  }

  describe(): AuditTrailDescription {
    return {
      chainId: this.#chainId,
      records: this.#tail.seq,
      keyStorage: this.#key.storage,
      keyLocation: this.#key.location,
      keyFingerprint: this.#key.fingerprint,
      keychainProblem: this.#keychainProblem,
    };
  }

  begin(draft: Receipt): void {
    this.#requestLog.begin({
      id: draft.requestId,
      startedAt: new Date(draft.startedAt),
      client: draft.client,
      endpoint: draft.endpoint,
      requestedModel: draft.requestedModel ?? undefined,
      route: draft.route,
      provider: draft.provider,
      model: draft.model ?? undefined,
      stream: draft.stream,
      redactions: draft.redactions,
      findingsByType: draft.findings,
      policyVersion: draft.policyVersion,
      reasons: draft.routing.reasons.map((reason) => reason.code),
      draft: canonicalJson(draft),
    });
  }

  finish(receipt: Receipt, content: KeptContent | undefined): void {
    this.#append("request", canonicalJson(receipt), receipt.requestId, receipt, (seq, recordedAt) => {
      this.#requestLog.finish(receipt.requestId, {
        status: receipt.status,
        finishedAt: receipt.finishedAt === null ? null : new Date(receipt.finishedAt),
        httpStatus: receipt.httpStatus,
        errorCode: receipt.errorCode ?? undefined,
        route: receipt.route,
        provider: receipt.provider,
        model: receipt.model ?? undefined,
        latencyMs: receipt.latencyMs.total,
        promptTokens: receipt.tokens?.prompt,
        completionTokens: receipt.tokens?.completion,
        trim: receipt.content.level === "none",
      });
      for (const [type, count] of Object.entries(receipt.findings)) {
        if (count) this.#insertFinding.run(type, seq, count);
      }
      if (content) this.#insertContent.run(seq, content.level, content.text, content.expiresAt);
      this.#hourlyTotals.add(receipt, recordedAt);
    });
  }

  /** The stored hash of a record, or undefined when there is none. */
  hashAt(seq: number): string | undefined {
    const row = this.#database.prepare("SELECT hash FROM audit_records WHERE seq = ?").get(seq) as { hash: string } | undefined;
    return row?.hash;
  }

  /** Writes the newest head to the head file and the keychain; call before closing the database. */
  async close(): Promise<void> {
    await this.#headFile.flush();
    await this.#keychainAnchor?.flush();
  }

  /** Waits until the head file holds the newest record (for tests and shutdown). */
  async flushHead(): Promise<void> {
    await this.#headFile.flush();
  }

  #append(kind: RecordKind, body: string, requestId: string | null, receipt: Receipt | undefined, alsoInTransaction: (seq: number, recordedAt: string) => void): void {
    const seq = this.#tail.seq + 1;
    const prevHash = this.#tail.hash;
    const recordedAt = this.#clock().toISOString();
    const hash = recordHash({ chainId: this.#chainId, seq, kind, recordedAt, prevHash, body });
    const signature = this.#key.sign(recordStatement(hash));
    const record: RecordRow = {
      seq,
      kind,
      requestId,
      recordedAt,
      body,
      prevHash,
      hash,
      signature,
      client: receipt?.client ?? null,
      route: receipt?.route ?? null,
      provider: receipt?.provider ?? null,
      status: receipt?.status ?? null,
      promptTokens: receipt?.tokens?.prompt ?? null,
      completionTokens: receipt?.tokens?.completion ?? null,
      costUsd: receipt?.costUsd ?? null,
      latencyMs: receipt?.latencyMs.total ?? null,
    };
    // Only appends wait for the disk; a begun row may be lost to a power cut (its request
    // never answered), a record must not be.
    this.#database.pragma("synchronous = FULL");
    try {
      this.#writeRecord(record, alsoInTransaction);
    } finally {
      this.#database.pragma("synchronous = NORMAL");
    }
    this.#tail = { seq, hash };
    this.#anchor();
  }

  #headFields(): { chainId: string; seq: number; hash: string; signedAt: string } {
    return { chainId: this.#chainId, seq: this.#tail.seq, hash: this.#tail.hash, signedAt: this.#clock().toISOString() };
  }

  #anchor(): void {
    if (this.#tail.seq === 0) return;
    const fields = this.#headFields();
    this.#headFile.advance(fields);
    this.#keychainAnchor?.advance({ seq: fields.seq, hash: fields.hash, at: fields.signedAt });
  }

  #recordIncident(finding: AnchorFinding): void {
    const body = canonicalJson({ incidentVersion: 1, ...finding, foundAt: this.#clock().toISOString() });
    this.#append("incident", body, null, undefined, () => {});
    this.#logger.log("error", "the audit trail does not reach its anchor; an incident record was appended", { reason: finding.type, state: finding.anchor });
  }

  /** Requests a crash or kill cut short get their record now, as `interrupted`. */
  #recoverInterrupted(): void {
    const open = this.#requestLog.inProgress();
    for (const { record, draft } of open) {
      const begun = draft === null ? receiptFromRow(record) : (JSON.parse(draft) as Receipt);
      const level = loggingChoice(this.#logging, begun.route, begun.classes).level === "none" ? "none" : "metadata";
      const receipt: Receipt = {
        ...begun,
        status: "interrupted",
        finishedAt: null,
        httpStatus: null,
        errorCode: null,
        content: { level, sha256: null, expiresAt: null },
      };
      this.finish(level === "none" ? trimReceipt(receipt) : receipt, undefined);
    }
    if (open.length > 0) this.#logger.log("warn", "requests interrupted by the last stop were recorded as interrupted", { state: String(open.length) });
  }
}

function readTail(database: SqliteDatabase, chainId: string): ChainTail {
  const row = database.prepare("SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1").get() as ChainTail | undefined;
  return row ?? { seq: 0, hash: genesisHash(chainId) };
}
