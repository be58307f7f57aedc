import { performance } from "node:perf_hooks";
import { AuditQueries } from "../gateway/audit/audit-queries.js";
import type { SqliteDatabase } from "../gateway/audit/open-database.js";
import { verifyTrail } from "../gateway/audit/verify-trail.js";
import type { HeadFileState } from "../gateway/audit/head-file.js";
import type { AuditFilter } from "../shared/audit-query.js";

export interface QueryTime {
  query: string;
  /** Median of the runs, milliseconds. */
  milliseconds: number;
  rows: number;
}

/** Median of `runs` timings (after one warm-up run, unless told not to), with the row count the query returned. */
function time(query: string, runs: number, run: () => number, warmUp = true): QueryTime {
  if (warmUp) run();
  const timings: number[] = [];
  let rows = 0;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    rows = run();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { query, milliseconds: Math.round((timings[Math.floor(runs / 2)] ?? 0) * 100) / 100, rows };
}

/** The audit view's queries, on a trail whose newest record was written at `newest` (ms since the epoch). */
export function measureQueries(database: SqliteDatabase, newest: number): QueryTime[] {
  const queries = new AuditQueries(database);
  const day = 86_400_000;
  const lastDay = { since: new Date(newest - day).toISOString() };
  const middle = Math.floor((database.prepare("SELECT MAX(seq) FROM audit_records").pluck().get() as number) / 2);
  const page = (filter: AuditFilter, before?: number) => () => queries.list(filter, { limit: 50, ...(before === undefined ? {} : { before }) }).records.length;
  const anyRequestId = database.prepare("SELECT request_id FROM audit_records WHERE seq = ?").pluck().get(middle) as string;
  return [
    time("page 1, no filter", 9, page({})),
    time("page deep in the middle (keyset)", 9, page({}, middle)),
    time("client = tool-7", 9, page({ client: "tool-7" })),
    time("status = failed (2%)", 9, page({ status: "failed" })),
    time("finding type = IBAN (1%)", 9, page({ findingType: "IBAN" })),
    time("client + route + status", 9, page({ client: "tool-3", route: "cloud", status: "failed" })),
    time("provider + finding type, last day", 9, page({ provider: "mistral-eu", findingType: "EMAIL", ...lastDay })),
    time("one request by id", 9, () => (queries.get(anyRequestId) ? 1 : 0)),
    time("dashboard: last day", 5, () => queries.summarize(lastDay).records),
    time("dashboard: last day, one client", 5, () => queries.summarize({ ...lastDay, client: "tool-7" }).records),
    time("dashboard: everything", 3, () => queries.summarize({}).records),
  ];
}

/** `audit verify` over the whole trail, once. */
export function measureVerify(database: SqliteDatabase, file: HeadFileState): QueryTime {
  return time(
    "audit verify, whole trail",
    1,
    () => {
      const result = verifyTrail(database, { file, keychain: undefined });
      if (!result.ok) throw new Error(`the filled trail does not verify: ${result.problems[0]?.problem}`);
      return result.records;
    },
    false,
  );
}
