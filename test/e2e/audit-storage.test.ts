import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { readHeadFile } from "../../gateway/audit/head-file.js";
import { databaseFileName, openDatabaseForReading } from "../../gateway/audit/open-database.js";
import { verifyTrail } from "../../gateway/audit/verify-trail.js";
import { startFakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { assertBuilt, runCli } from "../support/run-cli.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const repositoryRoot = new URL("../..", import.meta.url).pathname;
const providerKey = "sk-storage-0123456789abcdefABCDEF";

function providers(baseUrl: string) {
  return [{ id: "fake", kind: "openai-compatible", baseUrl, models: ["fake-model"] }];
}

function verifyDataDir(dataDir: string): ReturnType<typeof verifyTrail> {
  const database = openDatabaseForReading(join(dataDir, databaseFileName));
  try {
    return verifyTrail(database, { file: readHeadFile(dataDir), keychain: undefined });
  } finally {
    database.close();
  }
}

/** Another process holding SQLite's write lock on the database (BEGIN EXCLUSIVE) until told to let go. */
async function holdExclusiveLock(path: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require("better-sqlite3");
    const database = new Database(process.env.LOCK_PATH);
    database.pragma("busy_timeout = 5000");
    database.exec("BEGIN EXCLUSIVE");
    process.stdout.write("locked\\n");
    process.stdin.on("end", () => { database.exec("COMMIT"); database.close(); process.exit(0); });
    process.stdin.resume();`;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["-e", script], { cwd: repositoryRoot, env: { ...process.env, LOCK_PATH: path } });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`the locking process exited with ${code}`)));
  });
  return {
    async release() {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.stdin.end();
      await exited;
    },
  };
}

async function chat(client: OpenAI): Promise<{ status: number; code?: string | null | undefined; message?: string; requestId: string | null }> {
  try {
    const { response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hello" }] }).withResponse();
    return { status: response.status, requestId: response.headers.get("x-privacy-router-request-id") };
  } catch (error) {
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    return { status: apiError.status ?? 0, code: apiError.code, message: apiError.message, requestId: apiError.headers?.get("x-privacy-router-request-id") ?? null };
  }
}

describe("a database that cannot be written stops the traffic, not the record", () => {
  it("refuses to start on a damaged or foreign database file, saying so", async () => {
    assertBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), "pr-audit-corrupt-"));
    try {
      writeFileSync(join(dataDir, databaseFileName), randomBytes(16_384));
      const garbage = await runCli(["serve", "--port", "0"], { env: { PRIVACY_ROUTER_HOME: dataDir, PRIVACY_ROUTER_KEYCHAIN_SERVICE: "privacy-router-test-unused" } });
      expect(garbage.code).toBe(1);
      expect(garbage.stderr).toMatch(/cannot open the audit database .*: the database file is damaged or is not a database; no request is served without a record/);

      // A real database cut short (a disk that lost its tail).
      rmSync(join(dataDir, databaseFileName));
      expect((await runCli(["tokens", "create", "someone"], { env: { PRIVACY_ROUTER_HOME: dataDir } })).code).toBe(0);
      truncateSync(join(dataDir, databaseFileName), 8192);
      const truncated = await runCli(["serve", "--port", "0"], { env: { PRIVACY_ROUTER_HOME: dataDir } });
      expect(truncated.code).toBe(1);
      expect(truncated.stderr).toContain("the database file is damaged");
      expect(truncated.stdout).not.toContain("serving");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("answers 503 audit_unavailable while another process holds the database locked, sends nothing upstream, and recovers", async () => {
    const provider = await startFakeOpenAIProvider({ scenario: { kind: "text", text: "ok" } });
    const harness = await startTestGateway({ config: { providers: providers(provider.baseUrl) }, env: { PRIVACY_ROUTER_KEY_FAKE: providerKey } });
    try {
      const client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
      expect((await chat(client)).status).toBe(200);
      const lock = await holdExclusiveLock(join(harness.dataDir, databaseFileName));
      const sentBefore = provider.received.length;
      const refused = await chat(client);
      await lock.release();
      expect(refused).toMatchObject({ status: 503, code: "audit_unavailable" });
      expect(refused.message).toContain("the database is locked by another process");
      expect(provider.received.length).toBe(sentBefore);
      expect((await chat(client)).status).toBe(200);
      expect(verifyDataDir(harness.dataDir)).toMatchObject({ ok: true, records: 2 });
      expect(harness.logs()).toContain('"reason":"the database is locked by another process"');
    } finally {
      await harness.close();
      await provider.close();
    }
  });
});

/** A tiny tmpfs lets the disk really fill up. Mounting needs root (or CAP_SYS_ADMIN); elsewhere the test says why it is skipped. */
function mountTinyDisk(): { path: string | undefined; reason: string } {
  const path = mkdtempSync(join(tmpdir(), "pr-audit-full-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", path], { encoding: "utf8" });
  if (mounted.status === 0) return { path, reason: "" };
  rmSync(path, { recursive: true, force: true });
  return { path: undefined, reason: `cannot mount a small tmpfs here (${(mounted.stderr || mounted.error?.message || "mount failed").trim()})` };
}

const tinyDisk = mountTinyDisk();

afterAll(() => {
  if (tinyDisk.path) {
    spawnSync("umount", [tinyDisk.path]);
    rmSync(tinyDisk.path, { recursive: true, force: true });
  }
});

if (tinyDisk.path) {
  describe("a full disk", () => {
    it("never answers a request it could not record, says the disk is full, and serves again once there is room", async () => {
      const dataDir = join(tinyDisk.path as string, "data");
      mkdirSync(dataDir, { mode: 0o700 });
      const provider = await startFakeOpenAIProvider({ scenario: { kind: "text", text: "ok" } });
      let harness: TestGateway | undefined;
      try {
        harness = await startTestGateway({ config: { providers: providers(provider.baseUrl) }, env: { PRIVACY_ROUTER_KEY_FAKE: providerKey }, dataDir });
        const client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
        expect((await chat(client)).status).toBe(200);

        // Fill what is left of the disk.
        const filler = join(tinyDisk.path as string, "filler");
        const descriptor = openSync(filler, "w");
        try {
          for (;;) writeSync(descriptor, Buffer.alloc(16_384));
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
        } finally {
          closeSync(descriptor);
        }

        const outcomes = [];
        for (let attempt = 0; attempt < 200; attempt++) {
          const outcome = await chat(client);
          outcomes.push(outcome);
          if (outcome.status !== 200) break;
        }
        const refused = outcomes.at(-1)!;
        expect(refused).toMatchObject({ status: 503, code: "audit_unavailable" });
        expect(refused.message).toContain("the disk is full");

        rmSync(filler);
        const again = await chat(client);
        expect(again.status).toBe(200);

        // Every answer the client got is in the trail, and the trail is whole.
        const database = openDatabaseForReading(join(dataDir, databaseFileName));
        try {
          const recorded = new Set(database.prepare("SELECT request_id FROM audit_records").pluck().all() as string[]);
          for (const outcome of [...outcomes, again].filter((item) => item.status === 200)) expect(recorded.has(String(outcome.requestId))).toBe(true);
        } finally {
          database.close();
        }
        await harness.close();
        harness = undefined;
        const result = verifyDataDir(dataDir);
        expect(result.problems).toEqual([]);
        expect(readFileSync(join(dataDir, databaseFileName)).includes(providerKey)).toBe(false);
      } finally {
        await harness?.close();
        await provider.close();
      }
    });
  });
} else {
  console.warn(`full-disk test skipped: ${tinyDisk.reason}`);
  it.skip(`a full disk (skipped: ${tinyDisk.reason})`, () => {});
}
