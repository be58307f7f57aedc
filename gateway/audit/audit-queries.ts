import { defaultAuditPageSize, maximumAuditPageSize, type AuditFilter, type AuditListItem, type AuditPage, type AuditPageRequest, type AuditSummary } from "../../shared/audit-query.js";
import { findingTypes, type FindingType } from "../../shared/findings.js";
import type { Receipt } from "../../shared/receipt.js";
import { hourOf, hourStart } from "./hourly-totals.js";
import type { SqliteDatabase } from "./open-database.js";

interface ListRow {
  seq: number;
  recorded_at: string;
  hash: string;
  body: string;
  /** When the kept text expires; null when none is kept. */
  kept_until: string | null;
}

interface GroupRow {
  client: string;
  route: string;
  provider: string;
  status: string;
  records: number;
  prompt: number;
  completion: number;
  cost: number;
  latency: number;
  timed: number;
}

/** Kept text as stored: `content` is the canonical JSON of the request and its answer. */
export interface KeptContentRow {
  level: "pseudonymized" | "full";
  content: string;
  expires_at: string;
}

type Column = "client" | "route" | "provider" | "status";

/** Index entries counted to judge a filter's selectivity: enough to tell a rare value from a common one. */
const probeLimit = 5_000;

/**
 * The audit view's queries, built to cost the same at a thousand records or a million.
 *
 * - A time window becomes a range of record numbers first (records are appended in time order
 *   and `recorded_at` is indexed), so every walk is bounded by the primary key.
 * - Pages are keyset pages (`before` a record number), never OFFSET.
 * - With filters, the walk goes down the `(column, seq)` index (or the findings index) of the
 *   rarest filtered value, found by counting a few thousand index entries per candidate; the
 *   other filters are checked on the way.
 * - Dashboard sums read the hourly totals for whole hours and the records only for the part
 *   hours at the window's edges.
 */
export class AuditQueries {
  readonly #database: SqliteDatabase;
  readonly #clock: () => Date;

  constructor(database: SqliteDatabase, clock: () => Date = () => new Date()) {
    this.#database = database;
    this.#clock = clock;
  }

  list(filter: AuditFilter = {}, page: AuditPageRequest = {}): AuditPage {
    const limit = Math.min(Math.max(1, Math.floor(page.limit ?? defaultAuditPageSize)), maximumAuditPageSize);
    const range = this.#seqRange(filter.since, filter.until);
    const last = page.before === undefined ? range.last : Math.min(range.last, page.before - 1);
    const { sql, parameters } = this.#walk(filter, range.first, last);
    const rows = this.#database.prepare(`${sql} LIMIT ?`).all(...parameters, limit + 1) as ListRow[];
    const now = this.#clock().toISOString();
    const records = rows.slice(0, limit).map((row) => toItem(row, now));
    return { records, nextBefore: rows.length > limit ? (records[records.length - 1]?.seq ?? null) : null };
  }

  /** One request's record, by its request id (the `x-privacy-router-request-id` header). */
  get(requestId: string): AuditListItem | undefined {
    const row = this.#database.prepare(`SELECT ${listColumns} FROM audit_records r WHERE r.request_id = ?`).get(requestId) as ListRow | undefined;
    return row ? toItem(row, this.#clock().toISOString()) : undefined;
  }

  /**
   * One request's kept text, by its request id. Text whose time is up is never served, even in
   * the minutes before the purge deletes it.
   */
  keptContent(requestId: string): KeptContentRow | undefined {
    return this.#database
      .prepare("SELECT c.level, c.content, c.expires_at FROM audit_content c JOIN audit_records r ON r.seq = c.seq WHERE r.request_id = ? AND c.expires_at > ?")
      .get(requestId, this.#clock().toISOString()) as KeptContentRow | undefined;
  }

  summarize(filter: AuditFilter = {}): AuditSummary {
    const columns = columnFilters(filter);
    const groups: GroupRow[] = [];
    const findings: Array<{ type: FindingType; count: number }> = [];
    const addRaw = (since: string | undefined, until: string | undefined): void => {
      const range = this.#seqRange(since, until);
      if (range.first > range.last) return;
      groups.push(...this.#rawGroups(filter, range.first, range.last));
      findings.push(...this.#rawFindings(filter, range.first, range.last));
    };

    if (filter.findingType !== undefined) {
      // Hourly totals are not split by finding type: read the records, driven by the findings index.
      addRaw(filter.since, filter.until);
    } else {
      const hours = wholeHours(filter.since, filter.until);
      if (hours === undefined) {
        addRaw(filter.since, filter.until);
      } else {
        const where = ["hour >= ?", "hour < ?", ...columns.map(([column]) => `${column} = ?`)];
        const parameters = [hours.from, hours.to, ...columns.map(([, value]) => value)];
        groups.push(
          ...(this.#database
            .prepare(
              `SELECT client, route, provider, status, SUM(records) AS records, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion,
                 SUM(cost_usd) AS cost, SUM(latency_ms) AS latency, SUM(timed) AS timed
               FROM audit_hourly WHERE ${where.join(" AND ")} GROUP BY client, route, provider, status`,
            )
            .all(...parameters) as GroupRow[]),
        );
        findings.push(
          ...(this.#database.prepare(`SELECT finding_type AS type, SUM(count) AS count FROM audit_hourly_findings WHERE ${where.join(" AND ")} GROUP BY finding_type`).all(...parameters) as Array<{
            type: FindingType;
            count: number;
          }>),
        );
        if (hours.headUntil !== undefined) addRaw(filter.since, hours.headUntil);
        if (hours.tailSince !== undefined) addRaw(hours.tailSince, filter.until);
      }
    }

    const summary = sumGroups(groups);
    for (const { type, count } of findings) summary.findingsByType[type] = (summary.findingsByType[type] ?? 0) + count;
    const range = this.#seqRange(filter.since, filter.until);
    summary.incidents = this.#database.prepare("SELECT COUNT(*) FROM audit_records INDEXED BY audit_records_incidents WHERE kind = 'incident' AND seq BETWEEN ? AND ?").pluck().get(range.first, range.last) as number;
    return summary;
  }

  /** The records a filter selects between two record numbers, newest first, walked along the cheapest index. */
  #walk(filter: AuditFilter, first: number, last: number): { sql: string; parameters: unknown[] } {
    const columns = columnFilters(filter);
    if (columns.length === 0 && filter.findingType === undefined) {
      return { sql: `SELECT ${listColumns} FROM audit_records r WHERE r.seq BETWEEN ? AND ? AND r.kind = 'request' ORDER BY r.seq DESC`, parameters: [first, last] };
    }
    const driver = this.#rarest(filter, columns, first, last);
    const others = columns.filter(([column]) => column !== driver);
    const checks = others.map(([column]) => `r.${column} = ?`);
    const checkValues = others.map(([, value]) => value);
    if (driver === "finding") {
      // CROSS JOIN keeps the findings index as the outer loop: it is ordered by (type, seq).
      return {
        sql: `SELECT ${listColumns} FROM audit_record_findings f CROSS JOIN audit_records r ON r.seq = f.seq
              WHERE f.finding_type = ? AND f.seq BETWEEN ? AND ? ${checks.map((check) => `AND ${check}`).join(" ")} ORDER BY f.seq DESC`,
        parameters: [filter.findingType, first, last, ...checkValues],
      };
    }
    const value = columns.find(([column]) => column === driver)?.[1];
    const finding = filter.findingType === undefined ? "" : "AND EXISTS (SELECT 1 FROM audit_record_findings f WHERE f.finding_type = ? AND f.seq = r.seq)";
    return {
      sql: `SELECT ${listColumns} FROM audit_records r INDEXED BY audit_records_${driver}
            WHERE r.${driver} = ? AND r.seq BETWEEN ? AND ? ${checks.map((check) => `AND ${check}`).join(" ")} ${finding} ORDER BY r.seq DESC`,
      parameters: [value, first, last, ...checkValues, ...(filter.findingType === undefined ? [] : [filter.findingType])],
    };
  }

  /** The filter whose value is rarest in the range, by counting at most a few thousand index entries each. */
  #rarest(filter: AuditFilter, columns: Array<[Column, string]>, first: number, last: number): Column | "finding" {
    const candidates: Array<[Column | "finding", () => number]> = columns.map(([column, value]) => [
      column,
      () => this.#database.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM audit_records INDEXED BY audit_records_${column} WHERE ${column} = ? AND seq BETWEEN ? AND ? LIMIT ?)`).pluck().get(value, first, last, probeLimit) as number,
    ]);
    if (filter.findingType !== undefined) {
      candidates.push(["finding", () => this.#database.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM audit_record_findings WHERE finding_type = ? AND seq BETWEEN ? AND ? LIMIT ?)").pluck().get(filter.findingType, first, last, probeLimit) as number]);
    }
    if (candidates.length === 1) return candidates[0]![0];
    let best = candidates[0]!;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
      const count = candidate[1]();
      if (count < bestCount) [best, bestCount] = [candidate, count];
    }
    return best[0];
  }

  #rawGroups(filter: AuditFilter, first: number, last: number): GroupRow[] {
    const { sql, parameters } = this.#walk(filter, first, last);
    return this.#database
      .prepare(
        `SELECT client, route, provider, status, COUNT(*) AS records, TOTAL(prompt_tokens) AS prompt, TOTAL(completion_tokens) AS completion,
           TOTAL(cost_usd) AS cost, TOTAL(latency_ms) AS latency, COUNT(latency_ms) AS timed
         FROM (${sql.replace(listColumns, "r.client, r.route, r.provider, r.status, r.prompt_tokens, r.completion_tokens, r.cost_usd, r.latency_ms")})
         GROUP BY client, route, provider, status`,
      )
      .all(...parameters) as GroupRow[];
  }

  /** Finding counts in a range, one walk of the findings index per type (it is ordered by type, then seq). */
  #rawFindings(filter: AuditFilter, first: number, last: number): Array<{ type: FindingType; count: number }> {
    const columns = columnFilters(filter);
    const checks = [...columns.map(([column]) => `AND r.${column} = ?`), ...(filter.findingType === undefined ? [] : ["AND EXISTS (SELECT 1 FROM audit_record_findings g WHERE g.finding_type = ? AND g.seq = f.seq)"])];
    const values = [...columns.map(([, value]) => value), ...(filter.findingType === undefined ? [] : [filter.findingType])];
    const join = columns.length === 0 ? "" : "CROSS JOIN audit_records r ON r.seq = f.seq";
    const count = this.#database.prepare(`SELECT TOTAL(f.count) FROM audit_record_findings f ${join} WHERE f.finding_type = ? AND f.seq BETWEEN ? AND ? ${checks.join(" ")}`).pluck();
    return findingTypes.map((type) => ({ type, count: count.get(type, first, last, ...values) as number })).filter((entry) => entry.count > 0);
  }

  /**
   * A time window as record numbers: the first record written at or after `since`, the last
   * written before `until`, each one index probe. Records are appended in time order; should
   * the clock ever step back, a window is cut at the records nearest its ends in time.
   */
  #seqRange(since: string | undefined, until: string | undefined): { first: number; last: number } {
    const first = since === undefined ? 1 : ((this.#database.prepare("SELECT seq FROM audit_records WHERE recorded_at >= ? ORDER BY recorded_at, seq LIMIT 1").pluck().get(since) as number | null) ?? Number.MAX_SAFE_INTEGER);
    const last = until === undefined ? Number.MAX_SAFE_INTEGER : ((this.#database.prepare("SELECT seq FROM audit_records WHERE recorded_at < ? ORDER BY recorded_at DESC, seq DESC LIMIT 1").pluck().get(until) as number | null) ?? 0);
    return { first, last };
  }
}

const listColumns = "r.seq, r.recorded_at, r.hash, r.body, (SELECT c.expires_at FROM audit_content c WHERE c.seq = r.seq) AS kept_until";

function columnFilters(filter: AuditFilter): Array<[Column, string]> {
  const columns: Array<[Column, string | undefined]> = [
    ["client", filter.client],
    ["route", filter.route],
    ["provider", filter.provider],
    ["status", filter.status],
  ];
  return columns.filter((entry): entry is [Column, string] => entry[1] !== undefined);
}

/**
 * The whole hours inside a window (`from` inclusive, `to` exclusive, as hour keys), and the
 * part hours at its edges that must be read from the records. Undefined when no whole hour fits.
 */
function wholeHours(since: string | undefined, until: string | undefined): { from: string; to: string; headUntil?: string; tailSince?: string } | undefined {
  let from = "";
  let headUntil: string | undefined;
  if (since !== undefined) {
    const hour = hourOf(since);
    from = since === hourStart(hour) ? hour : nextHour(hour);
    if (since !== hourStart(from)) headUntil = hourStart(from);
  }
  let to = "\uffff";
  let tailSince: string | undefined;
  if (until !== undefined) {
    to = hourOf(until);
    if (until !== hourStart(to)) tailSince = hourStart(to);
  }
  if (from >= to) return undefined;
  return { from, to, ...(headUntil === undefined ? {} : { headUntil }), ...(tailSince === undefined ? {} : { tailSince }) };
}

function nextHour(hour: string): string {
  return hourOf(new Date(Date.parse(hourStart(hour)) + 3_600_000).toISOString());
}

function sumGroups(groups: GroupRow[]): AuditSummary {
  const summary: AuditSummary = { records: 0, incidents: 0, byStatus: {}, byRoute: {}, byProvider: {}, byClient: {}, findingsByType: {}, promptTokens: 0, completionTokens: 0, costUsd: 0, averageLatencyMs: null };
  let latency = 0;
  let timed = 0;
  for (const group of groups) {
    summary.records += group.records;
    summary.byStatus[group.status] = (summary.byStatus[group.status] ?? 0) + group.records;
    summary.byRoute[group.route] = (summary.byRoute[group.route] ?? 0) + group.records;
    summary.byProvider[group.provider] = (summary.byProvider[group.provider] ?? 0) + group.records;
    summary.byClient[group.client] = (summary.byClient[group.client] ?? 0) + group.records;
    summary.promptTokens += group.prompt;
    summary.completionTokens += group.completion;
    summary.costUsd += group.cost;
    latency += group.latency;
    timed += group.timed;
  }
  summary.costUsd = Math.round(summary.costUsd * 1e9) / 1e9;
  summary.averageLatencyMs = timed === 0 ? null : Math.round((latency / timed) * 10) / 10;
  return summary;
}

function toItem(row: ListRow, now: string): AuditListItem {
  return { seq: row.seq, recordedAt: row.recorded_at, hash: row.hash, receipt: JSON.parse(row.body) as Receipt, contentKept: row.kept_until !== null && row.kept_until > now };
}
