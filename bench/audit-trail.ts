import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSigningKey } from "../gateway/audit/audit-key-store.js";
import { AuditTrail } from "../gateway/audit/audit-trail.js";
import { readHeadFile } from "../gateway/audit/head-file.js";
import { databaseFileName, openDatabase } from "../gateway/audit/open-database.js";
import { configSchema } from "../gateway/config/config-schema.js";
import { silentLogger } from "../gateway/logging/logger.js";
import { createMemoryKeychain } from "../gateway/secrets/memory-keychain.js";
import { measureAppendThroughput } from "./audit-append-throughput.js";
import { bulkFill } from "./audit-bulk-fill.js";
import { measureGatewayThroughput } from "./audit-gateway-throughput.js";
import { measureQueries, measureVerify, type QueryTime } from "./audit-query-times.js";
import { describeEnvironment } from "./report/run-environment.js";
import { writeResults } from "./report/write-results.js";

/**
 * `npm run bench:audit`: how fast the audit trail records (alone, and under load behind the
 * real gateway), and how long the audit view's queries and `audit verify` take on trails of
 * 10 000, 100 000 and 1 000 000 records. Run on demand; never part of `npm test`.
 */
const usage = `usage: npm run bench:audit -- [--quick] [--sizes 10000,100000,1000000]
  --quick   fewer appends and requests, trails of 10 000 and 100 000 records only
  --sizes   the trail sizes to measure queries at`;

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, sizes: { type: "string" }, help: { type: "boolean", default: false } } });
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const sizes = (values.sizes ?? (values.quick ? "10000,100000" : "10000,100000,1000000")).split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes takes whole numbers\n${usage}`);
const environment = describeEnvironment("unpinned");
const started = Date.now();
process.stdout.write(`Audit trail benchmark: ${environment.cpuCount} CPUs (${environment.cpuModel}), Node ${environment.node}, load average ${environment.loadAverageAtStart.toFixed(2)}\n\n`);

process.stdout.write("Appends, one process, nothing else to do ...\n");
const appends = await measureAppendThroughput(values.quick ? 2_000 : 20_000);
for (const result of appends) process.stdout.write(`  ${result.label}: ${result.recordsPerSecond} records/s (${result.microsecondsPerRecord} µs each, ${result.records} records)\n`);

process.stdout.write("\nUnder load: `privacy-router serve`, 16 clients, an upstream that answers at once ...\n");
const load = await measureGatewayThroughput({ requests: values.quick ? 500 : 3_000, concurrency: 16 });
process.stdout.write(
  `  ${load.requests} requests in ${load.seconds} s: ${load.answersPerSecond} answers/s, ${load.records} records, ${load.recordsPerSecond} records/s; latency p50 ${load.latencyMilliseconds.p50} ms, p99 ${load.latencyMilliseconds.p99} ms\n`,
);
if (load.records !== load.requests) throw new Error(`${load.requests} answers but ${load.records} records`);

process.stdout.write("\nQueries (median ms) on growing trails ...\n");
const dataDir = mkdtempSync(join(tmpdir(), "privacy-router-audit-queries-"));
const database = openDatabase(join(dataDir, databaseFileName));
const keychain = createMemoryKeychain();
const querySizes: Array<{ records: number; databaseMegabytes: number; fillSeconds: number; queries: QueryTime[] }> = [];
try {
  const trail = await AuditTrail.open({ database, dataDir, keychain, service: "bench", logger: silentLogger, logging: configSchema.parse({}).logging });
  const key = await loadSigningKey(trail.chainId, "keychain", { dataDir, keychain, service: "bench" });
  // Records every 2.6 s: a million of them span a month.
  const stepMilliseconds = 2_600;
  const firstRecordedAt = Date.now() - 31 * 86_400_000;
  let tail = trail.tail;
  for (const size of sizes) {
    const fillStarted = Date.now();
    tail = bulkFill({ database, key, chainId: trail.chainId, tail, untilSeq: size, firstRecordedAt, stepMilliseconds });
    database.pragma("wal_checkpoint(TRUNCATE)");
    database.exec("ANALYZE");
    const fillSeconds = (Date.now() - fillStarted) / 1000;
    const queries = [...measureQueries(database, firstRecordedAt + size * stepMilliseconds), measureVerify(database, readHeadFile(dataDir))];
    const databaseMegabytes = Math.round(statSync(join(dataDir, databaseFileName)).size / 2 ** 20);
    querySizes.push({ records: size, databaseMegabytes, fillSeconds, queries });
    process.stdout.write(`  ${size} records (${databaseMegabytes} MB):\n`);
    for (const query of queries) process.stdout.write(`    ${query.query.padEnd(36)} ${String(query.milliseconds).padStart(10)} ms  (${query.rows} rows)\n`);
  }
} finally {
  database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const seconds = (Date.now() - started) / 1000;
const file = writeResults("audit-trail", { environment: { ...environment, seconds }, appends, load, querySizes });
process.stdout.write(`\nTook ${seconds.toFixed(0)} s. Results: ${file}\n`);
