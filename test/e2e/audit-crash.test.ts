import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { headAccount } from "../../gateway/audit/keychain-anchor.js";
import { signingKeyAccount } from "../../gateway/audit/audit-key-store.js";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { createOsKeychain } from "../../gateway/secrets/os-keychain.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { assertBuilt, runCli, startServeCli } from "../support/run-cli.js";

const keychain = keychainTestAvailability();
const keychainService = `privacy-router-test-${randomUUID()}`;
const providerKey = `sk-crash-${randomUUID().replaceAll("-", "")}`;

let dataDir: string;
let provider: FakeOpenAIProvider;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(join(tmpdir(), "pr-audit-crash-"));
  provider = await startFakeOpenAIProvider({ scenario: { kind: "echo", prefix: "echo: ", writeDelayMs: 2 }, maxWriteBytes: 48 });
  writeFileSync(join(dataDir, "config.yaml"), stringify({ providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }] }));
  env = { PRIVACY_ROUTER_HOME: dataDir, PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService, PRIVACY_ROUTER_KEY_FAKE: providerKey };
});

afterAll(async () => {
  if (keychain.run && dataDir) {
    const database = new Database(join(dataDir, "privacy-router.sqlite"), { readonly: true });
    const chainId = database.prepare("SELECT chain_id FROM audit_chain").pluck().get() as string | undefined;
    database.close();
    if (chainId) {
      const osKeychain = createOsKeychain();
      await osKeychain.delete(keychainService, signingKeyAccount(chainId));
      await osKeychain.delete(keychainService, headAccount(chainId));
    }
  }
  await provider?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function recordedStatuses(): Map<string, string> {
  const database = new Database(join(dataDir, "privacy-router.sqlite"), { readonly: true });
  try {
    const rows = database.prepare("SELECT request_id, status FROM audit_records WHERE kind = 'request'").all() as Array<{ request_id: string; status: string }>;
    return new Map(rows.map((row) => [row.request_id, row.status]));
  } finally {
    database.close();
  }
}

describe("the audit trail survives a SIGKILL under load", () => {
  it("records every answer a client saw, recovers what was cut short, and still verifies", async () => {
    const serving = await startServeCli(["--port", "0"], { env });
    const token = /^\s+(prt_[A-Za-z0-9_-]{43})$/m.exec(serving.stdout())?.[1];
    expect(token, serving.stdout()).toBeDefined();
    const client = new OpenAI({ baseURL: `${serving.url}/v1`, apiKey: token as string, maxRetries: 0, timeout: 5_000 });

    // Four clients send requests back to back, half of them streamed; an answer counts as
    // seen only once the client has all of it (the whole body, or the stream up to [DONE]).
    const answered: string[] = [];
    let running = true;
    const worker = async (index: number): Promise<void> => {
      for (let turn = 0; running; turn++) {
        try {
          const messages = [{ role: "user" as const, content: `worker ${index} turn ${turn} writes to grace${index}@example.com` }];
          if ((index + turn) % 2 === 0) {
            const { response } = await client.chat.completions.create({ model: "fake/fake-model", messages }).withResponse();
            answered.push(String(response.headers.get("x-privacy-router-request-id")));
          } else {
            const { data: stream, response } = await client.chat.completions.create({ model: "fake/fake-model", messages, stream: true }).withResponse();
            for await (const _chunk of stream) {
              // Read to the end.
            }
            answered.push(String(response.headers.get("x-privacy-router-request-id")));
          }
        } catch {
          // The gateway died under this request: the client never saw an answer.
        }
      }
    };
    const workers = [0, 1, 2, 3].map((index) => worker(index));
    const deadline = Date.now() + 20_000;
    while (answered.length < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    serving.child.kill("SIGKILL");
    running = false;
    await Promise.all(workers);
    expect(answered.length).toBeGreaterThanOrEqual(40);

    // Start again: the requests that were in flight are recorded as interrupted.
    const restarted = await startServeCli(["--port", "0"], { env });
    expect(await restarted.stop()).toBe(0);

    const statuses = recordedStatuses();
    const missing = answered.filter((id) => statuses.get(id) !== "completed");
    expect(missing, "answered requests without a completed record").toEqual([]);
    const interrupted = [...statuses.values()].filter((status) => status === "interrupted").length;
    expect(statuses.size).toBe(answered.length + [...statuses.values()].filter((status) => status !== "completed").length);
    console.info(`SIGKILL test: ${answered.length} answers seen, ${statuses.size} records, ${interrupted} interrupted`);

    const verified = await runCli(["audit", "verify"], { env });
    expect(verified.stderr).toBe(keychain.run ? "" : expect.any(String));
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^audit trail intact: ${statuses.size} record\\(s\\)`));

    // An export checks offline, pinned to the fingerprint the gateway's machine reports.
    const status = JSON.parse((await runCli(["audit", "status", "--json"], { env })).stdout) as { keyFingerprint: string; keyStorage: string; records: number };
    expect(status).toMatchObject({ records: statuses.size, keyStorage: keychain.run ? "keychain" : "file" });
    const exportFile = join(dataDir, "export.jsonl");
    const exported = await runCli(["audit", "export", "--format", "jsonl", "--output", exportFile], { env });
    expect(exported.code, exported.stderr).toBe(0);
    const offline = await runCli(["audit", "verify", exportFile, "--key", status.keyFingerprint], { env });
    expect(offline.code, offline.stdout + offline.stderr).toBe(0);
    expect(offline.stdout).toContain(`export intact: ${statuses.size} record(s)`);
    const csv = await runCli(["audit", "export", "--format", "csv"], { env });
    expect(csv.stdout.trimEnd().split("\r\n")).toHaveLength(statuses.size + 1);

    // Nothing secret reached the disk, even with the process killed mid-write.
    for (const file of ["privacy-router.sqlite", "privacy-router.sqlite-wal", "audit-head.json", "export.jsonl"]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dataDir, file));
      } catch {
        continue;
      }
      for (const secret of [providerKey, token as string, "grace0@example.com"]) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it("exits non-zero and names the record when the trail was edited", async () => {
    const database = new Database(join(dataDir, "privacy-router.sqlite"));
    database.exec("DROP TRIGGER audit_records_append_only_update");
    const body = database.prepare("SELECT body FROM audit_records WHERE seq = 5").pluck().get() as string;
    database.prepare("UPDATE audit_records SET body = ? WHERE seq = 5").run(body.replace('"route":"cloud"', '"route":"local"'));
    const requestId = database.prepare("SELECT request_id FROM audit_records WHERE seq = 5").pluck().get() as string;
    database.close();
    const result = await runCli(["audit", "verify"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`record 5 (${requestId}): was changed after it was written`);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(new RegExp(`^privacy-router: the audit trail is broken at record 5 \\(request ${requestId}\\)`));
  });
});
