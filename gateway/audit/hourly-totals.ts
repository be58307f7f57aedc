import type { Receipt } from "../../shared/receipt.js";
import type { SqliteDatabase, SqliteStatement } from "./open-database.js";

/** `2026-01-31T14:05:09.123Z` → `2026-01-31T14`: the dashboard's unit of time. */
export function hourOf(isoTime: string): string {
  return isoTime.slice(0, 13);
}

/** The first moment of an hour key, as an ISO time. */
export function hourStart(hour: string): string {
  return `${hour}:00:00.000Z`;
}

/** What one record adds to its hour's totals. */
export function hourlyContribution(receipt: Receipt): { records: number; promptTokens: number; completionTokens: number; costUsd: number; latencyMs: number; timed: number } {
  return {
    records: 1,
    promptTokens: receipt.tokens?.prompt ?? 0,
    completionTokens: receipt.tokens?.completion ?? 0,
    costUsd: receipt.costUsd ?? 0,
    latencyMs: receipt.latencyMs.total ?? 0,
    timed: receipt.latencyMs.total === null ? 0 : 1,
  };
}

/**
 * Adds each request's record to the hourly totals (audit_hourly, audit_hourly_findings), in
 * the record's own transaction, so a dashboard over a month reads a few thousand rows instead
 * of a million receipts.
 */
export class HourlyTotals {
  readonly #addTotals: SqliteStatement;
  readonly #addFinding: SqliteStatement;

  constructor(database: SqliteDatabase) {
    this.#addTotals = database.prepare(
      `INSERT INTO audit_hourly (hour, client, route, provider, status, records, prompt_tokens, completion_tokens, cost_usd, latency_ms, timed)
       VALUES (@hour, @client, @route, @provider, @status, @records, @promptTokens, @completionTokens, @costUsd, @latencyMs, @timed)
       ON CONFLICT (hour, client, route, provider, status) DO UPDATE SET
         records = records + excluded.records, prompt_tokens = prompt_tokens + excluded.prompt_tokens,
         completion_tokens = completion_tokens + excluded.completion_tokens, cost_usd = cost_usd + excluded.cost_usd,
         latency_ms = latency_ms + excluded.latency_ms, timed = timed + excluded.timed`,
    );
    this.#addFinding = database.prepare(
      `INSERT INTO audit_hourly_findings (hour, client, route, provider, status, finding_type, count)
       VALUES (@hour, @client, @route, @provider, @status, @type, @count)
       ON CONFLICT (hour, client, route, provider, status, finding_type) DO UPDATE SET count = count + excluded.count`,
    );
  }

  add(receipt: Receipt, recordedAt: string): void {
    const key = { hour: hourOf(recordedAt), client: receipt.client, route: receipt.route, provider: receipt.provider, status: receipt.status };
    this.#addTotals.run({ ...key, ...hourlyContribution(receipt) });
    for (const [type, count] of Object.entries(receipt.findings)) {
      if (count) this.#addFinding.run({ ...key, type, count });
    }
  }
}
