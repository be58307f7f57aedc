import { afterEach, describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { openTestTrail, type TestTrail } from "../../test/support/open-test-trail.js";
import { sampleReceipt } from "../../test/support/sample-receipt.js";
import { summarySeries } from "./summary-series.js";

let trail: TestTrail | undefined;
afterEach(async () => {
  await trail?.dispose();
  trail = undefined;
});

const config = configSchema.parse({
  providers: [{ id: "fake", kind: "openai-compatible", baseUrl: "https://fake.example/v1", models: [{ id: "fake-model", inputPerMillion: 2, outputPerMillion: 10 }] }],
  routing: { strong: "fake/fake-model" },
});

describe("the Overview's series", () => {
  it("counts routes, findings, spend and the savings of local answers per hour and per day", async () => {
    let now = new Date("2026-01-15T10:30:00.000Z");
    trail = await openTestTrail({ clock: () => now });
    const at = (time: string, receipt: Parameters<typeof sampleReceipt>[0]): void => {
      now = new Date(time);
      trail?.record(sampleReceipt(receipt));
    };
    at("2026-01-15T10:30:00.000Z", { requestId: "req_cloud", route: "cloud", costUsd: 0.5, tokens: { prompt: 100, completion: 10 } });
    at("2026-01-15T10:40:00.000Z", { requestId: "req_local", route: "local", provider: "local", costUsd: 0, findings: { PHONE: 1 }, tokens: { prompt: 1_000_000, completion: 100_000 } });
    at("2026-01-15T11:05:00.000Z", { requestId: "req_blocked", route: "blocked", provider: "none", costUsd: null, findings: { SECRET: 1 }, tokens: null });
    at("2026-01-16T09:00:00.000Z", { requestId: "req_next_day", route: "cloud", costUsd: 0.25, findings: {}, tokens: { prompt: 5, completion: 5 } });

    const hours = summarySeries(trail.database, { bucket: "hour", since: "2026-01-15T00:00:00.000Z", until: "2026-01-16T23:00:00.000Z", config });
    expect(hours.savingsPricedAs).toBe("fake/fake-model");
    expect(hours.points.map((point) => point.start)).toEqual(["2026-01-15T10:00:00.000Z", "2026-01-15T11:00:00.000Z", "2026-01-16T09:00:00.000Z"]);
    expect(hours.points[0]).toMatchObject({ requests: 2, local: 1, cloud: 1, blocked: 0, costUsd: 0.5, findingsByType: { EMAIL: 2, PHONE: 1 } });
    // 1M prompt tokens at $2 and 100k completion tokens at $10 per million.
    expect(hours.points[0]?.estimatedSavingsUsd).toBeCloseTo(3, 10);
    expect(hours.points[1]).toMatchObject({ requests: 1, blocked: 1, findingsByType: { SECRET: 1 }, estimatedSavingsUsd: 0 });

    const days = summarySeries(trail.database, { bucket: "day", since: "2026-01-15T00:00:00.000Z", until: "2026-01-16T23:00:00.000Z", config });
    expect(days.points.map((point) => [point.start, point.requests, point.costUsd])).toEqual([
      ["2026-01-15T00:00:00.000Z", 3, 0.5],
      ["2026-01-16T00:00:00.000Z", 1, 0.25],
    ]);
    expect(summarySeries(trail.database, { bucket: "day", since: "2026-01-16T00:00:00.000Z", until: "2026-01-16T23:59:00.000Z", config }).points).toHaveLength(1);
  });

  it("values nothing when the strong model has no prices", async () => {
    trail = await openTestTrail();
    const unpriced = configSchema.parse({ providers: [{ id: "fake", kind: "openai-compatible", baseUrl: "https://fake.example/v1", models: ["fake-model"] }], routing: { strong: "fake/fake-model" } });
    trail.record(sampleReceipt({ requestId: "req_local", route: "local", provider: "local" }));
    const series = summarySeries(trail.database, { bucket: "day", since: "2000-01-01T00:00:00.000Z", until: "2100-01-01T00:00:00.000Z", config: unpriced });
    expect(series.savingsPricedAs).toBeNull();
    expect(series.points[0]?.estimatedSavingsUsd).toBeNull();
  });
});
