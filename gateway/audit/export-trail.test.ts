import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestTrail, testKeychainService, type TestTrail } from "../../test/support/open-test-trail.js";
import { sampleReceipt } from "../../test/support/sample-receipt.js";
import { loadSigningKey } from "./audit-key-store.js";
import { exportTrail } from "./export-trail.js";
import type { AuditSigningKey } from "./signing-key.js";
import { verifyExportFile } from "./verify-export.js";

let harness: TestTrail;
let key: AuditSigningKey;
const start = Date.parse("2026-03-01T00:00:00.000Z");

beforeAll(async () => {
  let minute = 0;
  harness = await openTestTrail({ clock: () => new Date(start + minute * 60_000) });
  for (let index = 1; index <= 30; index++) {
    minute = index;
    harness.record(sampleReceipt({ requestId: `req_${index}`, client: index === 5 ? "=HYPERLINK(\"http://x\")" : "tool, \"quoted\"" }));
  }
  key = await loadSigningKey(harness.trail.chainId, "keychain", { dataDir: harness.dataDir, keychain: harness.keychain, service: testKeychainService });
});

afterAll(async () => {
  await harness?.dispose();
});

async function exportTo(name: string, options: { format?: "jsonl" | "csv"; since?: string; until?: string } = {}): Promise<string> {
  const path = join(harness.dataDir, name);
  const output = createWriteStream(path);
  await exportTrail(harness.database, { format: options.format ?? "jsonl", since: options.since, until: options.until, output, key });
  output.end();
  await once(output, "finish");
  return path;
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8").trimEnd().split("\n");
}

function rewrite(path: string, change: (lines: string[]) => string[]): string {
  const changed = `${path}.changed`;
  writeFileSync(changed, `${change(lines(path)).join("\n")}\n`);
  return changed;
}

describe("JSONL export and offline verification", () => {
  it("exports a header, every record and a seal, and verifies with nothing but the file", async () => {
    const path = await exportTo("all.jsonl");
    const content = lines(path);
    expect(content).toHaveLength(32);
    expect(JSON.parse(content[0]!)).toMatchObject({ format: "privacy-router-audit-export", chainId: harness.trail.chainId, keyFingerprint: key.fingerprint });
    expect(JSON.parse(content[31]!)).toMatchObject({ type: "seal", count: 30, firstSeq: 1, lastSeq: 30, headSeq: 30 });
    const result = await verifyExportFile(path);
    expect(result).toMatchObject({ ok: true, records: 30, firstSeq: 1, lastSeq: 30, keyPinned: false, keyFingerprint: key.fingerprint });
    expect((await verifyExportFile(path, { pinnedKey: key.fingerprint })).ok).toBe(true);
  });

  it("refuses an export signed by another key than the one pinned", async () => {
    const result = await verifyExportFile(await exportTo("pinned.jsonl"), { pinnedKey: "ed25519:00000000000000000000000000000000" });
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.problem).toContain("not by the key given");
  });

  it("exports a time window as a contiguous slice that still verifies", async () => {
    const path = await exportTo("window.jsonl", { since: new Date(start + 10 * 60_000).toISOString(), until: new Date(start + 20 * 60_000).toISOString() });
    expect(await verifyExportFile(path)).toMatchObject({ ok: true, records: 10, firstSeq: 10, lastSeq: 19 });
  });

  it("notices a removed line, a removed last record, a removed seal, an edited receipt and added lines", async () => {
    const path = await exportTo("tamper.jsonl");
    const middle = await verifyExportFile(rewrite(path, (all) => all.filter((_, index) => index !== 12)));
    expect(middle.ok).toBe(false);
    expect(middle.problems[0]).toMatchObject({ seq: 12, problem: expect.stringContaining("record 12 is missing") });

    const lastRecord = await verifyExportFile(rewrite(path, (all) => all.filter((_, index) => index !== 30)));
    expect(lastRecord.problems.map((problem) => problem.problem)).toEqual([expect.stringContaining("the seal says 30 records, the file holds 29"), expect.stringContaining("ends at record 30")]);

    const noSeal = await verifyExportFile(rewrite(path, (all) => all.slice(0, -1)));
    expect(noSeal.problems[0]?.problem).toContain("has no seal");

    const edited = await verifyExportFile(rewrite(path, (all) => all.map((line, index) => (index === 7 ? line.replace('"status":"completed"', '"status":"failed"') : line))));
    expect(edited.problems[0]).toMatchObject({ seq: 7, problem: expect.stringContaining("changed after it was written") });

    const added = await verifyExportFile(rewrite(path, (all) => [...all, all[3]!]));
    expect(added.problems[0]?.problem).toContain("after the seal");
  });
});

describe("CSV export", () => {
  it("writes one quoted row per record and defuses spreadsheet formulas", async () => {
    const content = lines(await exportTo("all.csv", { format: "csv" }));
    expect(content).toHaveLength(31);
    expect(content[0]).toMatch(/^seq,recorded_at,kind,request_id,/);
    expect(content[1]).toContain('"tool, ""quoted"""');
    expect(content[5]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe("streaming", () => {
  it("waits for a slow reader instead of buffering the whole trail", async () => {
    let written = 0;
    let pending = 0;
    let mostPending = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        pending += chunk.length;
        mostPending = Math.max(mostPending, pending);
        setTimeout(() => {
          written += chunk.length;
          pending -= chunk.length;
          done();
        }, 1);
      },
    });
    const summary = await exportTrail(harness.database, { format: "jsonl", output: slow, key, batchSize: 5 });
    expect(summary.records).toBe(30);
    slow.end();
    await once(slow, "finish");
    expect(written).toBeGreaterThan(30 * 500);
    // At most one batch waits in the stream at a time.
    expect(mostPending).toBeLessThan(written / 3);
  });
});
