import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sampleReceipt } from "../../test/support/sample-receipt.js";
import { configSchema } from "../config/config-schema.js";
import { silentLogger } from "../logging/logger.js";
import type { Keychain } from "../secrets/keychain.js";
import { createMemoryKeychain } from "../secrets/memory-keychain.js";
import { signingKeyFile } from "./audit-key-store.js";
import { AuditTrail } from "./audit-trail.js";
import { canonicalJson } from "./canonical-json.js";
import { purgeExpiredContent } from "./content-retention.js";
import { headFilePath, readHeadFile } from "./head-file.js";
import { readKeychainHead } from "./keychain-anchor.js";
import { keepContent } from "./kept-content.js";
import { databaseFileName, openDatabase, openDatabaseForReading, type SqliteDatabase } from "./open-database.js";
import { recordHash } from "./record-hash.js";
import { verifyTrail, type TrailVerification } from "./verify-trail.js";

const service = "privacy-router-audit-test";
const logging = configSchema.parse({}).logging;
const directories: string[] = [];
const opened: SqliteDatabase[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) if (database.open) database.close();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function dataDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), "pr-audit-"));
  directories.push(directory);
  return directory;
}

async function openTrail(dataDir: string, keychain: Keychain, options: { keychainAnchorIntervalMs?: number } = {}): Promise<{ trail: AuditTrail; database: SqliteDatabase }> {
  const database = openDatabase(join(dataDir, databaseFileName));
  opened.push(database);
  const trail = await AuditTrail.open({ database, dataDir, keychain, service, logger: silentLogger, logging, keychainAnchorIntervalMs: options.keychainAnchorIntervalMs ?? 0 });
  return { trail, database };
}

/** As a request does: the row before dispatch, the record at the end. */
function record(trail: AuditTrail, requestId: string, overrides: Parameters<typeof sampleReceipt>[0] extends infer T ? Partial<T> : never = {}): void {
  const receipt = sampleReceipt({ requestId, ...overrides });
  trail.begin({ ...receipt, status: "interrupted", finishedAt: null });
  trail.finish(receipt, undefined);
}

async function verify(dataDir: string, keychain: Keychain | undefined, chainId: string | undefined): Promise<TrailVerification> {
  const file = readHeadFile(dataDir);
  const keychainHead = keychain && chainId ? await readKeychainHead(keychain, service, chainId) : undefined;
  const reader = openDatabaseForReading(join(dataDir, databaseFileName));
  try {
    return verifyTrail(reader, { file, keychain: keychainHead, batchSize: 3 });
  } finally {
    reader.close();
  }
}

/** Tampering as someone with the database file would: the append-only triggers are no obstacle to them. */
function tamper(database: SqliteDatabase, sql: string, ...parameters: unknown[]): void {
  database.exec("DROP TRIGGER IF EXISTS audit_records_append_only_update; DROP TRIGGER IF EXISTS audit_records_append_only_delete;");
  database.pragma("foreign_keys = OFF");
  database.prepare(sql).run(...parameters);
}

async function trailWith(count: number): Promise<{ dataDir: string; keychain: Keychain; trail: AuditTrail; database: SqliteDatabase }> {
  const dataDir = dataDirectory();
  const keychain = createMemoryKeychain();
  const { trail, database } = await openTrail(dataDir, keychain);
  for (let index = 1; index <= count; index++) record(trail, `req_${index}`);
  await trail.close();
  return { dataDir, keychain, trail, database };
}

describe("the audit trail", () => {
  it("chains, signs and anchors every record, and verifies", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(10);
    const rows = database.prepare("SELECT seq, prev_hash, hash FROM audit_records ORDER BY seq").all() as Array<{ seq: number; prev_hash: string; hash: string }>;
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let index = 1; index < rows.length; index++) expect(rows[index]!.prev_hash).toBe(rows[index - 1]!.hash);

    const head = readHeadFile(dataDir);
    expect(head).toMatchObject({ state: "present", head: { chainId: trail.chainId, seq: 10, hash: rows[9]!.hash } });
    expect(statSync(headFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(await readKeychainHead(keychain, service, trail.chainId)).toMatchObject({ seq: 10, hash: rows[9]!.hash });

    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result).toMatchObject({ ok: true, records: 10, problems: [], anchors: ["file", "keychain"] });
    expect(trail.describe()).toMatchObject({ keyStorage: "keychain", records: 10 });
  });

  it("closes a request's row in the same transaction as its record", async () => {
    const { database } = await trailWith(1);
    expect(database.prepare("SELECT status, draft, route, provider FROM requests WHERE id = 'req_1'").get()).toEqual({ status: "completed", draft: null, route: "cloud", provider: "fake" });
  });

  it("refuses UPDATE and DELETE on records", async () => {
    const { database } = await trailWith(2);
    expect(() => database.prepare("UPDATE audit_records SET client = 'someone' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => database.prepare("DELETE FROM audit_records WHERE seq = 2").run()).toThrow(/append-only/);
  });

  it("names the record whose content was edited", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(8);
    const body = database.prepare("SELECT body FROM audit_records WHERE seq = 4").pluck().get() as string;
    tamper(database, "UPDATE audit_records SET body = ? WHERE seq = 4", body.replace('"provider":"fake"', '"provider":"local"'));
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ seq: 4, requestId: "req_4", problem: expect.stringContaining("changed after it was written") }]);
  });

  it("names the first record of a rewrite that recomputed every hash without the key", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(40);
    const rows = database.prepare("SELECT * FROM audit_records WHERE seq >= 23 ORDER BY seq").all() as Array<Record<string, string | number>>;
    let previous = database.prepare("SELECT hash FROM audit_records WHERE seq = 22").pluck().get() as string;
    for (const row of rows) {
      const body = row.seq === 23 ? String(row.body).replace('"redactions":2', '"redactions":0') : String(row.body);
      const hash = recordHash({ chainId: trail.chainId, seq: Number(row.seq), kind: "request", recordedAt: String(row.recorded_at), prevHash: previous, body });
      tamper(database, "UPDATE audit_records SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?", body, previous, hash, row.seq);
      previous = hash;
    }
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toEqual({ seq: 23, requestId: "req_23", problem: expect.stringContaining("without the audit key") });
  });

  it("names the gap where a record was deleted", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(6);
    tamper(database, "DELETE FROM audit_record_findings WHERE seq = 3");
    tamper(database, "DELETE FROM audit_records WHERE seq = 3");
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ seq: 3, problem: expect.stringContaining("record 3 is missing") });
  });

  it("notices records put in another order", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(5);
    // Swap records 2 and 3 as whole rows, each keeping its own hash and signature.
    tamper(database, "UPDATE audit_records SET seq = 100 WHERE seq = 2");
    tamper(database, "UPDATE audit_records SET seq = 2 WHERE seq = 3");
    tamper(database, "UPDATE audit_records SET seq = 3 WHERE seq = 100");
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.seq).toBe(2);
  });

  it("notices records removed from the end, by the head file and by the keychain copy", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(7);
    const earlierHead = readFileSync(headFilePath(dataDir));
    database.prepare("SELECT 1").get();
    tamper(database, "DELETE FROM audit_record_findings WHERE seq > 5");
    tamper(database, "DELETE FROM requests WHERE id IN ('req_6', 'req_7')");
    tamper(database, "DELETE FROM audit_records WHERE seq > 5");
    const anchorProblems = (result: TrailVerification): string[] => result.problems.map((problem) => problem.problem).filter((problem) => !problem.startsWith("the dashboard totals"));
    let result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(anchorProblems(result)).toEqual([
      expect.stringMatching(/ends at record 5, but the signed head file .* says record 7 existed/),
      expect.stringMatching(/ends at record 5, but the OS keychain's copy .* says record 7 existed/),
    ]);

    // Rolling the head file back to an old, validly signed one does not hide it from the keychain copy.
    writeFileSync(headFilePath(dataDir), earlierHead);
    tamper(database, "DELETE FROM audit_records WHERE seq > 4");
    result = await verify(dataDir, keychain, trail.chainId);
    expect(anchorProblems(result)).toEqual([expect.stringContaining("says record 7 existed"), expect.stringContaining("says record 7 existed")]);
  });

  it("notices a head file that is missing or not signed by the trail's key", async () => {
    const { dataDir, trail } = await trailWith(3);
    const head = JSON.parse(readFileSync(headFilePath(dataDir), "utf8")) as Record<string, unknown>;
    writeFileSync(headFilePath(dataDir), JSON.stringify({ ...head, seq: 2 }));
    expect((await verify(dataDir, undefined, trail.chainId)).problems[0]?.problem).toContain("not signed by this trail's key");
    rmSync(headFilePath(dataDir));
    expect((await verify(dataDir, undefined, trail.chainId)).problems[0]?.problem).toContain("missing");
  });

  it("checks the query columns and the finding index against the signed receipt", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(4);
    tamper(database, "UPDATE audit_records SET client = 'nobody', cost_usd = 0 WHERE seq = 2");
    tamper(database, "DELETE FROM audit_record_findings WHERE seq = 3");
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.problems).toEqual([
      { seq: 2, requestId: "req_2", problem: expect.stringContaining("client, cost_usd column(s) differ") },
      { seq: 3, requestId: "req_3", problem: expect.stringContaining("finding-type index differs") },
    ]);
  });

  it("checks the dashboard's hourly totals against the records", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(3);
    expect(database.prepare("SELECT records, prompt_tokens FROM audit_hourly").all()).toEqual([{ records: 3, prompt_tokens: 36 }]);
    expect(database.prepare("SELECT finding_type, count FROM audit_hourly_findings").all()).toEqual([{ finding_type: "EMAIL", count: 6 }]);
    tamper(database, "UPDATE audit_hourly SET cost_usd = cost_usd / 2");
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.problems).toEqual([{ seq: null, requestId: null, problem: expect.stringMatching(/^the dashboard totals for the hour .* differ from the records in it/) }]);
  });

  it("keeps text under its hash, purges it on schedule without breaking the chain, and notices edited text", async () => {
    const dataDir = dataDirectory();
    const keychain = createMemoryKeychain();
    const { trail, database } = await openTrail(dataDir, keychain);
    const now = new Date("2026-01-15T10:00:01.000Z");
    for (const [index, days] of [[1, 1], [2, 30]] as const) {
      const { kept, receiptContent } = keepContent("full", { request: { messages: [{ role: "user", content: `hello ${index}` }] } }, { detectors: [], now, days });
      const receipt = sampleReceipt({ requestId: `req_${index}`, content: receiptContent });
      trail.begin(receipt);
      trail.finish(receipt, kept);
    }
    await trail.flushHead();
    expect((await verify(dataDir, keychain, trail.chainId)).ok).toBe(true);

    tamper(database, "UPDATE audit_content SET content = replace(content, 'hello 2', 'hullo 2') WHERE seq = 2");
    expect((await verify(dataDir, keychain, trail.chainId)).problems).toEqual([{ seq: 2, requestId: "req_2", problem: expect.stringContaining("kept text was changed") }]);

    expect(purgeExpiredContent(database, new Date("2026-01-20T00:00:00.000Z"))).toBe(1);
    expect(database.prepare("SELECT seq FROM audit_content").pluck().all()).toEqual([2]);
    expect(purgeExpiredContent(database, new Date("2026-03-01T00:00:00.000Z"))).toBe(1);
    expect((await verify(dataDir, keychain, trail.chainId)).ok).toBe(true);
  });

  it("records a request a crash interrupted when it starts again", async () => {
    const dataDir = dataDirectory();
    const keychain = createMemoryKeychain();
    const first = await openTrail(dataDir, keychain);
    record(first.trail, "req_done");
    first.trail.begin({ ...sampleReceipt({ requestId: "req_cut" }), status: "interrupted", finishedAt: null, httpStatus: null, tokens: null });
    await first.trail.flushHead();
    first.database.close();

    const second = await openTrail(dataDir, keychain);
    const body = JSON.parse(second.database.prepare("SELECT body FROM audit_records WHERE request_id = 'req_cut'").pluck().get() as string) as Record<string, unknown>;
    expect(body).toMatchObject({ requestId: "req_cut", status: "interrupted", finishedAt: null, httpStatus: null, route: "cloud", findings: { EMAIL: 2 } });
    expect(second.database.prepare("SELECT status FROM requests WHERE id = 'req_cut'").pluck().get()).toBe("interrupted");
    await second.trail.flushHead();
    expect((await verify(dataDir, keychain, second.trail.chainId)).ok).toBe(true);
  });

  it("appends an incident when it starts on a trail shorter than its anchor, and keeps serving", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(5);
    tamper(database, "DELETE FROM audit_record_findings WHERE seq > 3");
    tamper(database, "DELETE FROM audit_records WHERE seq > 3");
    database.close();
    const reopened = await openTrail(dataDir, keychain);
    record(reopened.trail, "req_after");
    await reopened.trail.close();
    const kinds = reopened.database.prepare("SELECT seq, kind FROM audit_records ORDER BY seq").all();
    expect(kinds).toEqual([
      { seq: 1, kind: "request" },
      { seq: 2, kind: "request" },
      { seq: 3, kind: "request" },
      { seq: 4, kind: "incident" },
      { seq: 5, kind: "incident" },
      { seq: 6, kind: "request" },
    ]);
    // The evidence now lives in the signed chain: verify keeps reporting it.
    const result = await verify(dataDir, keychain, trail.chainId);
    expect(result.ok).toBe(false);
    expect(result.incidents).toBe(2);
    expect(result.problems[0]).toMatchObject({ seq: 4, problem: expect.stringContaining("records were removed from the end") });
  });

  it("falls back to a key file only this user can read when there is no keychain, and says so", async () => {
    const dataDir = dataDirectory();
    const noKeychain = createMemoryKeychain({ failWith: "no secret service provider or dbus session found" });
    const { trail, database } = await openTrail(dataDir, noKeychain);
    record(trail, "req_1");
    const description = trail.describe();
    expect(description).toMatchObject({ keyStorage: "file", keychainProblem: "no secret service provider or dbus session found" });
    expect(statSync(description.keyLocation).mode & 0o777).toBe(0o600);
    expect(readFileSync(description.keyLocation, "utf8")).toContain("BEGIN PRIVATE KEY");
    database.close();

    const reopened = await openTrail(dataDir, noKeychain);
    record(reopened.trail, "req_2");
    await reopened.trail.flushHead();
    expect((await verify(dataDir, undefined, trail.chainId)).ok).toBe(true);
    reopened.database.close();

    chmodSync(signingKeyFile(dataDir, trail.chainId), 0o644);
    await expect(openTrail(dataDir, noKeychain)).rejects.toThrow(/can be read by other users; run `chmod 600/);
  });

  it("refuses to start when the chain's key is gone, rather than write records nobody can verify", async () => {
    const { dataDir, database } = await trailWith(2);
    database.close();
    await expect(openTrail(dataDir, createMemoryKeychain())).rejects.toThrow(/signing key .* is missing/);
    await expect(openTrail(dataDir, createMemoryKeychain({ failWith: "the keyring is locked" }))).rejects.toThrow(/OS keychain could not be read \(the keyring is locked\)/);
    expect(existsSync(join(dataDir, databaseFileName))).toBe(true);
  });

  it("leaves the chain unchanged when an append cannot be written (a full disk), and goes on once it can", async () => {
    const { dataDir, keychain, trail, database } = await trailWith(3);
    const pages = database.pragma("page_count", { simple: true }) as number;
    database.pragma(`max_page_count = ${pages}`);
    let failure: unknown;
    for (let index = 0; index < 50 && failure === undefined; index++) {
      try {
        record(trail, `req_full_${index}`);
      } catch (error) {
        failure = error;
      }
    }
    expect((failure as { code?: string }).code).toBe("SQLITE_FULL");
    const tailWhenFull = trail.tail;
    database.pragma("max_page_count = 1073741823");
    record(trail, "req_after_full");
    expect(trail.tail.seq).toBe(tailWhenFull.seq + 1);
    await trail.close();
    expect((await verify(dataDir, keychain, trail.chainId)).ok).toBe(true);
  });

  it("stores receipts as canonical JSON", async () => {
    const { database } = await trailWith(1);
    const body = database.prepare("SELECT body FROM audit_records WHERE seq = 1").pluck().get() as string;
    expect(body).toBe(canonicalJson(JSON.parse(body)));
    expect(body.startsWith('{"action":"pseudonymize","attempts":[')).toBe(true);
  });
});
