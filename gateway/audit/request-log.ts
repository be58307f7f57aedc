import type { FindingType } from "../../shared/findings.js";
import type { Route } from "../../shared/provenance.js";
import type { SqliteDatabase } from "./open-database.js";

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
}

export type RequestStatus = "in_progress" | "completed" | "failed" | "blocked" | "aborted" | "rejected";

export interface RequestOutcome {
  status: Exclude<RequestStatus, "in_progress">;
  finishedAt: Date;
  httpStatus: number;
  errorCode?: string | undefined;
  model?: string | undefined;
  latencyMs: number;
  promptTokens?: number | undefined;
  completionTokens?: number | undefined;
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
}

/**
 * The request log: a row is written before a request is dispatched (so a request that cannot
 * be recorded is not served) and completed when it ends. It holds metadata only: finding
 * counts by type, never the values, never the prompt.
 */
export class RequestLog {
  readonly #begin: ReturnType<SqliteDatabase["prepare"]>;
  readonly #finish: ReturnType<SqliteDatabase["prepare"]>;
  readonly #get: ReturnType<SqliteDatabase["prepare"]>;
  readonly #recent: ReturnType<SqliteDatabase["prepare"]>;

  constructor(database: SqliteDatabase) {
    this.#begin = database.prepare(
      `INSERT INTO requests (id, started_at, client, endpoint, requested_model, route, provider, model, status, stream,
         redactions, findings_by_type, policy_version, reasons)
       VALUES (@id, @startedAt, @client, @endpoint, @requestedModel, @route, @provider, @model, 'in_progress', @stream,
         @redactions, @findingsByType, @policyVersion, @reasons)`,
    );
    this.#finish = database.prepare(
      `UPDATE requests SET status = @status, finished_at = @finishedAt, http_status = @httpStatus, error_code = @errorCode,
         model = COALESCE(@model, model), latency_ms = @latencyMs, prompt_tokens = @promptTokens,
         completion_tokens = @completionTokens
       WHERE id = @id`,
    );
    this.#get = database.prepare("SELECT * FROM requests WHERE id = ?");
    this.#recent = database.prepare("SELECT * FROM requests ORDER BY started_at DESC, rowid DESC LIMIT ?");
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
    });
  }

  finish(id: string, outcome: RequestOutcome): void {
    this.#finish.run({
      id,
      status: outcome.status,
      finishedAt: outcome.finishedAt.toISOString(),
      httpStatus: outcome.httpStatus,
      errorCode: outcome.errorCode ?? null,
      model: outcome.model ?? null,
      latencyMs: outcome.latencyMs,
      promptTokens: outcome.promptTokens ?? null,
      completionTokens: outcome.completionTokens ?? null,
    });
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
