import { describe, expect, it } from "vitest";
import { budgetMeterViews, whenExceededText } from "./budget-meters.js";

describe("budgetMeterViews", () => {
  it("is empty when no budget is set or none has been loaded", () => {
    expect(budgetMeterViews({ whenExceeded: "local", meters: [] })).toEqual([]);
    expect(budgetMeterViews(undefined)).toEqual([]);
  });

  it("labels each cap and says how close it is, reached being the gateway's own test", () => {
    const views = budgetMeterViews({
      whenExceeded: "block",
      meters: [
        { provider: null, period: "month", capUsd: 100, spentUsd: 25 },
        { provider: "acme", period: "day", capUsd: 2, spentUsd: 1.7 },
        { provider: "acme", period: "month", capUsd: 10, spentUsd: 10 },
        { provider: "other", period: "day", capUsd: 1, spentUsd: 3 },
        { provider: "free", period: "day", capUsd: 0, spentUsd: 0 },
      ],
    });
    expect(views.map(({ key, label, level }) => ({ key, label, level }))).toEqual([
      { key: "*:month", label: "All providers, this month (UTC)", level: "ok" },
      { key: "acme:day", label: "acme, today (UTC)", level: "near" },
      { key: "acme:month", label: "acme, this month (UTC)", level: "reached" },
      { key: "other:day", label: "other, today (UTC)", level: "reached" },
      { key: "free:day", label: "free, today (UTC)", level: "reached" },
    ]);
    expect(views.map((view) => view.fraction)).toEqual([0.25, 0.85, 1, 1, 1]);
  });

  it("says what happens past a cap", () => {
    expect(whenExceededText({ whenExceeded: "local", meters: [] })).toMatch(/on this machine/);
    expect(whenExceededText({ whenExceeded: "block", meters: [] })).toMatch(/refused/);
  });
});
