import type { FindingType } from "../../shared/findings.js";
import type { Route } from "../../shared/provenance.js";
import type { ReceiptStatus } from "../../shared/receipt.js";
import type { SqliteDatabase, SqliteStatement } from "./open-database.js";

export interface RequestStart {
  id: string;
  startedAt: Date;
  client: string;
  endpoint: string;
  requestedModel: string | undefined;
  route: Route;
  provider: string;
  model: string | undefined;
  stream: boolean;
  redactions: number;
  findingsByType: Partial<Record<FindingType, number>>;
  policyVersion: string;
  reasons: string[];
  /** The receipt so far (canonical JSON), for the record of a request a crash interrupts. */
  draft: string;
}

export type RequestStatus = "in_progress" | ReceiptStatus;

export interface RequestOutcome {
  status: ReceiptStatus;
  finishedAt: Date | null;
  httpStatus: number | null;
  errorCode?: string | undefined;
  /** Where the request was answered in the end (a fallback may have moved it). */
  route: Route;
  provider: string;
  model?: string | undefined;
  latencyMs: number | null;
  promptTokens?: number | undefined;
  completionTokens?: number | undefined;
  /** The logging rule said `none`: keep no finding counts or reasons in the row either. */
  trim: boolean;
}

export interface RequestRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  client: string;
  endpoint: string;
  requestedModel: string | null;
  route: Route;
  provider: string;
  model: string | null;
  status: RequestStatus;
  httpStatus: number | null;
  errorCode: string | null;
  stream: boolean;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  redactions: number;
  findingsByType: Partial<Record<FindingType, number>>;
  policyVersion: string;
  reasons: string[];
}

interface RequestRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  client: string;
  endpoint: string;
  requested_model: string | null;
  route: Route;
  provider: string;
  model: string | null;
  status: RequestStatus;
  http_status: number | null;
  error_code: string | null;
  stream: number;
  latency_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  redactions: number;
  findings_by_type: string;
  policy_version: string;
  reasons: string;
  draft: string | null;
}

/**
 * The request log: a row is written before a request is dispatched (so a request that cannot
 * be recorded is not served) and completed when it ends, in the same transaction as its audit
 * record (audit-trail.ts). It holds metadata only: finding counts by type, never the values,
 * never the prompt. Rows are working state; the audit trail is the proof.
 */
export class RequestLog {
  readonly #begin: SqliteStatement;
  readonly #finish: SqliteStatement;
  readonly #get: SqliteStatement;
  readonly #recent: SqliteStatement;
  readonly #inProgress: SqliteStatement;

  constructor(database: SqliteDatabase) {
    this.#begin = database.prepare(
      `INSERT INTO requests (id, started_at, client, endpoint, requested_model, route, provider, model, status, stream,
         redactions, findings_by_type, policy_version, reasons, draft)
       VALUES (@id, @startedAt, @client, @endpoint, @requestedModel, @route, @provider, @model, 'in_progress', @stream,
         @redactions, @findingsByType, @policyVersion, @reasons, @draft)`,
    );
    this.#finish = database.prepare(
      `UPDATE requests SET status = @status, finished_at = @finishedAt, http_status = @httpStatus, error_code = @errorCode,
         route = @route, provider = @provider, model = COALESCE(@model, model), latency_ms = @latencyMs,
         prompt_tokens = @promptTokens, completion_tokens = @completionTokens, draft = NULL,
         findings_by_type = CASE WHEN @trim THEN '{}' ELSE findings_by_type END,
         reasons = CASE WHEN @trim THEN '[]' ELSE reasons END,
         requested_model = CASE WHEN @trim THEN NULL ELSE requested_model END
       WHERE id = @id`,
    );
    this.#get = database.prepare("SELECT * FROM requests WHERE id = ?");
    this.#recent = database.prepare("SELECT * FROM requests ORDER BY started_at DESC, rowid DESC LIMIT ?");
    this.#inProgress = database.prepare("SELECT * FROM requests WHERE status = 'in_progress' ORDER BY started_at, rowid");
  }

  begin(start: RequestStart): void {
    this.#begin.run({
      id: start.id,
      startedAt: start.startedAt.toISOString(),
      client: start.client,
      endpoint: start.endpoint,
      requestedModel: start.requestedModel ?? null,
      route: start.route,
      provider: start.provider,
      model: start.model ?? null,
      stream: start.stream ? 1 : 0,
      redactions: start.redactions,
      findingsByType: JSON.stringify(start.findingsByType),
      policyVersion: start.policyVersion,
      reasons: JSON.stringify(start.reasons),
      draft: start.draft,
    });
  }

  /** True when the row existed and was still open. */
  finish(id: string, outcome: RequestOutcome): boolean {
    const result = this.#finish.run({
      id,
      status: outcome.status,
      finishedAt: outcome.finishedAt?.toISOString() ?? null,
      httpStatus: outcome.httpStatus,
      errorCode: outcome.errorCode ?? null,
      route: outcome.route,
      provider: outcome.provider,
      model: outcome.model ?? null,
      latencyMs: outcome.latencyMs,
      promptTokens: outcome.promptTokens ?? null,
      completionTokens: outcome.completionTokens ?? null,
      trim: outcome.trim ? 1 : 0,
    });
    return result.changes > 0;
  }

  /** Rows a crash left open, oldest first, with the draft receipt each was begun with. */
  inProgress(): Array<{ record: RequestRecord; draft: string | null }> {
    return (this.#inProgress.all() as RequestRow[]).map((row) => ({ record: toRecord(row), draft: row.draft }));
  }

  get(id: string): RequestRecord | undefined {
    const row = this.#get.get(id) as RequestRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  recent(limit = 50): RequestRecord[] {
    return (this.#recent.all(limit) as RequestRow[]).map(toRecord);
  }
}

function toRecord(row: RequestRow): RequestRecord {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    client: row.client,
    endpoint: row.endpoint,
    requestedModel: row.requested_model,
    route: row.route,
    provider: row.provider,
    model: row.model,
    status: row.status,
    httpStatus: row.http_status,
    errorCode: row.error_code,
    stream: row.stream === 1,
    latencyMs: row.latency_ms,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    redactions: row.redactions,
    findingsByType: JSON.parse(row.findings_by_type) as Partial<Record<FindingType, number>>,
    policyVersion: row.policy_version,
    reasons: JSON.parse(row.reasons) as string[],
  }
}
