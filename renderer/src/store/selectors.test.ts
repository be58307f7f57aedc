import { describe, expect, it } from "vitest";
import type { AuditSummary } from "../../../shared/audit-query.js";
import { placeholderSpans, splitByFindings } from "../components/split-by-findings.js";
import { hrefOf, parseHash } from "../navigation.js";
import { keptAnswer, keptMessages } from "./kept-document.js";
import { overviewWindow } from "./overview-slice.js";
import { findingsByFrequency, routeLabel, routeShare, totalFindings } from "./selectors.js";

const summary = (byRoute: Record<string, number>): Pick<AuditSummary, "byRoute"> => ({ byRoute });

describe("selectors", () => {
  it("labels a route by its provider when it went to the cloud", () => {
    expect(routeLabel({ route: "cloud", provider: "openai" })).toBe("openai");
    expect(routeLabel({ route: "local", provider: "local" })).toBe("local");
    expect(routeLabel({ route: "blocked", provider: "none" })).toBe("blocked");
  });

  it("shares out routes, missing ones as zero", () => {
    expect(routeShare(summary({ local: 3, cloud: 1 }))).toEqual({ local: 3, cloud: 1, blocked: 0, total: 4 });
  });

  it("orders findings by count, then name, and sums them", () => {
    const counts = { EMAIL: 2, PERSON: 5, PHONE: 2, URL: 0 };
    expect(findingsByFrequency(counts).map((entry) => entry.type)).toEqual(["PERSON", "EMAIL", "PHONE"]);
    expect(totalFindings(counts)).toBe(9);
    expect(totalFindings(null)).toBe(0);
  });
});

describe("the overview window", () => {
  it("ends at the next full hour and uses hour buckets for a day, day buckets otherwise", () => {
    const now = new Date("2026-03-01T10:20:00.000Z");
    expect(overviewWindow("day", now)).toEqual({ bucket: "hour", since: "2026-02-28T11:00:00.000Z", until: "2026-03-01T11:00:00.000Z" });
    expect(overviewWindow("week", now).since).toBe("2026-02-22T11:00:00.000Z");
    expect(overviewWindow("month", now).bucket).toBe("day");
  });
});

describe("text marking", () => {
  it("cuts text at findings (UTF-16 offsets), clipping overlaps", () => {
    const text = "mail 😀 ada@example.org now";
    const start = text.indexOf("ada");
    const segments = splitByFindings(text, [
      { start, end: start + 15, type: "EMAIL" },
      { start: start + 4, end: start + 20, type: "URL" },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    expect(segments.find((segment) => segment.type === "EMAIL")?.text).toBe("ada@example.org");
  });

  it("finds placeholders and masks, multi-word types included", () => {
    const spans = placeholderSpans("card [CREDIT_CARD_0042] mail [EMAIL] not [x]");
    expect(spans.map((span) => span.type)).toEqual(["CREDIT_CARD", "EMAIL"]);
  });

  it("reads kept documents defensively", () => {
    const document = { request: { messages: [{ role: "user", content: "hi" }, { role: "user", content: [{ type: "text", text: "there" }] }] }, response: { choices: [{ message: { content: "hello" } }] } };
    expect(keptMessages(document).map((message) => message.path)).toEqual(["messages[0].content", "messages[1].content[0].text"]);
    expect(keptAnswer(document)).toBe("hello");
    expect(keptMessages("nonsense")).toEqual([]);
  });
});

describe("hash navigation", () => {
  it("round-trips views and request ids, and falls back to Live", () => {
    expect(parseHash(hrefOf({ view: "request", requestId: "req_a/b" }))).toEqual({ view: "request", requestId: "req_a/b" });
    expect(parseHash("#/audit")).toEqual({ view: "audit" });
    expect(parseHash("#/nowhere")).toEqual({ view: "live" });
    expect(parseHash("")).toEqual({ view: "live" });
  });
});

describe("chart buckets", () => {
  it("fills the buckets the gateway left out, so columns are equal stretches of time", async () => {
    const { fillBuckets } = await import("./overview-slice.js");
    const point = { start: "2026-03-01T05:00:00.000Z", requests: 2, local: 1, cloud: 1, blocked: 0, findingsByType: {}, costUsd: 0.5, estimatedSavingsUsd: null, promptTokens: 1, completionTokens: 1 };
    const points = fillBuckets({ bucket: "hour", since: "", until: "", points: [point], savingsPricedAs: null }, "2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z");
    expect(points).toHaveLength(24);
    expect(points[5]).toBe(point);
    expect(points.reduce((sum, entry) => sum + entry.requests, 0)).toBe(2);
  });
});
