import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestTrail, type TestTrail } from "../../test/support/open-test-trail.js";
import { sampleReceipt } from "../../test/support/sample-receipt.js";
import { AuditQueries } from "./audit-queries.js";
import { keepContent } from "./kept-content.js";

let harness: TestTrail;
let queries: AuditQueries;
const start = Date.parse("2026-02-01T00:00:00.000Z");

beforeAll(async () => {
  let minute = 0;
  harness = await openTestTrail({ clock: () => new Date(start + minute * 60_000) });
  // 60 requests, one a minute: clients alternate, every third is local, every fifth was blocked.
  for (let index = 1; index <= 60; index++) {
    minute = index;
    const local = index % 3 === 0;
    harness.record(
      sampleReceipt({
        requestId: `req_${index}`,
        client: index % 2 === 0 ? "cursor" : "aider",
        route: local ? "local" : "cloud",
        provider: local ? "local" : "fake",
        status: index % 5 === 0 ? "blocked" : "completed",
        findings: index % 4 === 0 ? { PHONE: 1 } : { EMAIL: 2 },
        tokens: { prompt: 10, completion: index },
        costUsd: local ? 0 : 0.001,
        latencyMs: { detection: 1, queue: null, upstream: 10, total: index },
      }),
    );
  }
  queries = new AuditQueries(harness.database);
});

afterAll(async () => {
  await harness?.dispose();
});

describe("audit queries", () => {
  it("pages through everything newest first, by keyset, without gaps or repeats", () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = queries.list({}, { limit: 7, ...(before === undefined ? {} : { before }) });
      seen.push(...page.records.map((item) => item.seq));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, index) => 60 - index));
  });

  it("filters by client, route, provider, status and finding type, alone and together", () => {
    const all = (filter: Parameters<AuditQueries["list"]>[0]): string[] => queries.list(filter, { limit: 500 }).records.map((item) => item.receipt.requestId);
    expect(all({ client: "cursor" })).toHaveLength(30);
    expect(all({ route: "local" })).toHaveLength(20);
    expect(all({ provider: "fake" })).toHaveLength(40);
    expect(all({ status: "blocked" })).toHaveLength(12);
    expect(all({ findingType: "PHONE" })).toHaveLength(15);
    expect(all({ findingType: "PHONE", client: "cursor", route: "local" })).toEqual(["req_60", "req_48", "req_36", "req_24", "req_12"]);
    expect(all({ findingType: "CREDIT_CARD" })).toEqual([]);
  });

  it("turns a time window into records written in it", () => {
    const window = queries.list({ since: new Date(start + 10 * 60_000).toISOString(), until: new Date(start + 20 * 60_000).toISOString() }, { limit: 500 });
    expect(window.records.map((item) => item.seq)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    expect(queries.list({ since: new Date(start + 1_000 * 60_000).toISOString() }).records).toEqual([]);
  });

  it("finds one request's record by its id, with its receipt", () => {
    expect(queries.get("req_7")).toMatchObject({ seq: 7, contentKept: false, receipt: { requestId: "req_7", client: "aider" } });
    expect(queries.get("req_missing")).toBeUndefined();
  });

  it("sums for the dashboard", () => {
    const summary = queries.summarize({ client: "aider" });
    expect(summary.records).toBe(30);
    expect(summary.byStatus).toEqual({ completed: 24, blocked: 6 });
    expect(summary.byRoute).toEqual({ cloud: 20, local: 10 });
    expect(summary.byClient).toEqual({ aider: 30 });
    expect(summary.promptTokens).toBe(300);
    expect(summary.completionTokens).toBe(900);
    expect(summary.costUsd).toBeCloseTo(0.02, 9);
    expect(summary.averageLatencyMs).toBe(30);
    // Odd request numbers never have a PHONE finding (those are multiples of 4).
    expect(summary.findingsByType).toEqual({ EMAIL: 60 });
    expect(queries.summarize({ findingType: "PHONE" }).findingsByType).toEqual({ PHONE: 15 });
    expect(queries.summarize().incidents).toBe(0);
  });

  it("sums any window the same from hourly totals and part hours as from the records themselves", () => {
    const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
    // The trail spans 00:01 to 01:00: windows with a part hour at the start, at the end, both, or whole hours only.
    for (const window of [{ since: at(7.5) }, { until: at(51) }, { since: at(7.5), until: at(51) }, { since: at(0), until: at(60) }, { since: at(60) }]) {
      const listed = queries.list(window, { limit: 500 }).records.map((item) => item.receipt);
      const summary = queries.summarize(window);
      expect(summary.records, JSON.stringify(window)).toBe(listed.length);
      expect(summary.completionTokens).toBe(listed.reduce((sum, receipt) => sum + (receipt.tokens?.completion ?? 0), 0));
      expect(summary.byRoute.local ?? 0).toBe(listed.filter((receipt) => receipt.route === "local").length);
      expect(summary.findingsByType.PHONE ?? 0).toBe(listed.filter((receipt) => receipt.findings.PHONE).length);
    }
    const withinHour = queries.summarize({ since: new Date(start + 31 * 60_000).toISOString(), until: new Date(start + 35 * 60_000).toISOString(), client: "cursor" });
    expect(withinHour).toMatchObject({ records: 2, byClient: { cursor: 2 } });
  });
});

describe("kept text", () => {
  it("serves kept text until it expires and never after, even before the purge deletes it", async () => {
    let now = new Date("2026-03-01T12:00:00.000Z");
    const trail = await openTestTrail({ clock: () => now });
    try {
      for (const [requestId, days] of [["req_short", 1], ["req_long", 30]] as const) {
        const { kept, receiptContent } = keepContent("full", { request: { messages: [{ role: "user", content: `hello ${requestId}` }] } }, { detectors: [], now, days });
        const receipt = sampleReceipt({ requestId, content: receiptContent });
        trail.trail.begin(receipt);
        trail.trail.finish(receipt, kept);
      }
      const kept = new AuditQueries(trail.database, () => now);
      expect(kept.keptContent("req_short")).toMatchObject({ level: "full", expires_at: "2026-03-02T12:00:00.000Z" });
      expect(JSON.parse(kept.keptContent("req_short")?.content ?? "null")).toEqual({ request: { messages: [{ role: "user", content: "hello req_short" }] } });
      expect(kept.get("req_short")?.contentKept).toBe(true);

      now = new Date("2026-03-02T12:00:00.000Z");
      // The row is still in the table (no purge ran), yet it is no longer served or listed as kept.
      expect(trail.database.prepare("SELECT COUNT(*) FROM audit_content").pluck().get()).toBe(2);
      expect(kept.keptContent("req_short")).toBeUndefined();
      expect(kept.get("req_short")?.contentKept).toBe(false);
      expect(kept.list().records.map((item) => [item.receipt.requestId, item.contentKept])).toEqual([
        ["req_long", true],
        ["req_short", false],
      ]);
      expect(kept.keptContent("req_long")).toMatchObject({ level: "full" });
      expect(kept.keptContent("req_missing")).toBeUndefined();
    } finally {
      await trail.dispose();
    }
  });
});
