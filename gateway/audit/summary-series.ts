import type { SeriesPoint, SummarySeries } from "../../shared/admin-api.js";
import { findingTypes, type FindingType } from "../../shared/findings.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { resolveModel } from "../policy/resolve-model.js";
import { hourOf, hourStart } from "./hourly-totals.js";
import type { SqliteDatabase } from "./open-database.js";

export interface SeriesOptions {
  bucket: "hour" | "day";
  /** ISO 8601; the bucket holding it is the first. */
  since: string;
  until: string;
  config: GatewayConfig;
}

interface Prices {
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * The Overview's charts: per hour or UTC day, requests by route, findings by type, cloud spend,
 * and what the locally answered requests would have cost at the strong cloud model's prices.
 * Read from the hourly totals the trail keeps beside its records, so a year costs a few
 * thousand rows; buckets are whole hours or days.
 */
export function summarySeries(database: SqliteDatabase, options: SeriesOptions): SummarySeries {
  const width = options.bucket === "hour" ? 13 : 10;
  const from = hourOf(options.since);
  const to = hourOf(options.until);
  const totals = database
    .prepare(
      `SELECT substr(hour, 1, ${width}) AS bucket, route, SUM(records) AS records, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion, SUM(cost_usd) AS cost
       FROM audit_hourly WHERE hour >= ? AND hour <= ? GROUP BY bucket, route ORDER BY bucket`,
    )
    .all(from, to) as Array<{ bucket: string; route: string; records: number; prompt: number; completion: number; cost: number }>;
  const findings = database
    .prepare(`SELECT substr(hour, 1, ${width}) AS bucket, finding_type AS type, SUM(count) AS count FROM audit_hourly_findings WHERE hour >= ? AND hour <= ? GROUP BY bucket, finding_type`)
    .all(from, to) as Array<{ bucket: string; type: string; count: number }>;

  const { label, prices } = savingsPrices(options.config);
  const points = new Map<string, SeriesPoint>();
  const pointOf = (bucket: string): SeriesPoint => {
    let point = points.get(bucket);
    if (!point) {
      point = { start: bucketStart(bucket), requests: 0, local: 0, cloud: 0, blocked: 0, findingsByType: {}, costUsd: 0, estimatedSavingsUsd: prices ? 0 : null, promptTokens: 0, completionTokens: 0 };
      points.set(bucket, point);
    }
    return point;
  };
  for (const row of totals) {
    const point = pointOf(row.bucket);
    point.requests += row.records;
    if (row.route === "local" || row.route === "cloud" || row.route === "blocked") point[row.route] += row.records;
    point.costUsd += row.cost;
    point.promptTokens += row.prompt;
    point.completionTokens += row.completion;
    if (prices && row.route === "local" && point.estimatedSavingsUsd !== null) {
      point.estimatedSavingsUsd += (row.prompt * prices.inputPerMillion + row.completion * prices.outputPerMillion) / 1_000_000;
    }
  }
  const known = new Set<string>(findingTypes);
  for (const row of findings) {
    if (!known.has(row.type)) continue;
    const point = pointOf(row.bucket);
    const type = row.type as FindingType;
    point.findingsByType[type] = (point.findingsByType[type] ?? 0) + row.count;
  }
  return {
    bucket: options.bucket,
    since: options.since,
    until: options.until,
    points: [...points.values()].sort((a, b) => a.start.localeCompare(b.start)),
    savingsPricedAs: prices ? label : null,
  };
}

function bucketStart(bucket: string): string {
  return bucket.length === 10 ? `${bucket}T00:00:00.000Z` : hourStart(bucket);
}

/** Local answers are valued at `routing.strong`'s prices: what `auto` would have used for them in the cloud. */
function savingsPrices(config: GatewayConfig): { label: string | null; prices: Prices | undefined } {
  const strong = config.routing.strong;
  if (strong === undefined) return { label: null, prices: undefined };
  const target = resolveModel(strong, config);
  if (target?.kind !== "cloud") return { label: null, prices: undefined };
  const provider = config.providers.find((entry) => entry.id === target.providerId);
  const entry = provider?.models.find((model) => typeof model !== "string" && model.id === target.model);
  if (entry === undefined || typeof entry === "string" || (entry.inputPerMillion === undefined && entry.outputPerMillion === undefined)) return { label: null, prices: undefined };
  return { label: `${target.providerId}/${target.model}`, prices: { inputPerMillion: entry.inputPerMillion ?? 0, outputPerMillion: entry.outputPerMillion ?? 0 } };
}
