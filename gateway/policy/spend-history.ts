import type { SqliteDatabase } from "../audit/open-database.js";
import type { SpendEntry } from "./spend-ledger.js";

/**
 * The cloud answers of the current month, from the request log, so budgets survive a restart.
 * Costs are recomputed from token counts with today's configured prices.
 */
export function loadSpendHistory(database: SqliteDatabase, now: Date): SpendEntry[] {
  const monthStart = `${now.toISOString().slice(0, 7)}-01T00:00:00.000Z`;
  const rows = database
    .prepare(
      `SELECT provider, model, prompt_tokens, completion_tokens, started_at FROM requests
       WHERE route = 'cloud' AND started_at >= ? AND (prompt_tokens IS NOT NULL OR completion_tokens IS NOT NULL)`,
    )
    .all(monthStart) as Array<{ provider: string; model: string | null; prompt_tokens: number | null; completion_tokens: number | null; started_at: string }>;
  return rows.map((row) => ({
    providerId: row.provider,
    model: row.model,
    promptTokens: row.prompt_tokens ?? 0,
    completionTokens: row.completion_tokens ?? 0,
    at: new Date(row.started_at),
  }));
}
