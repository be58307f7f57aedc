import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { isAtLeastAsStrict, unmetRequirement } from "./data-terms.js";
import { SpendLedger } from "./spend-ledger.js";
import { specialCategories } from "./special-categories.js";

const config = configSchema.parse({
  providers: [{ id: "acme", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", models: [{ id: "big", inputPerMillion: 2, outputPerMillion: 8 }, "free"] }],
  routing: { budgets: { dailyUsd: 1, providers: { acme: { monthlyUsd: 0.5 } } } },
});

describe("SpendLedger", () => {
  const now = new Date("2026-03-10T12:00:00Z");

  it("prices answers per million tokens and ignores models without prices", () => {
    const ledger = new SpendLedger(config, () => now);
    expect(ledger.record("acme", "big", { promptTokens: 100_000, completionTokens: 10_000 })).toBeCloseTo(0.28, 6);
    expect(ledger.record("acme", "free", { promptTokens: 1_000_000, completionTokens: 0 })).toBe(0);
    expect(ledger.spent("acme", "day")).toBeCloseTo(0.28, 6);
    expect(ledger.exceeded("acme")).toBeUndefined();
  });

  it("reports the first cap reached, and counts history from earlier runs", () => {
    const history = [{ providerId: "acme", model: "big", promptTokens: 250_000, completionTokens: 0, at: new Date("2026-03-02T08:00:00Z") }];
    const ledger = new SpendLedger(config, () => now, history);
    expect(ledger.spent("acme", "day")).toBe(0);
    expect(ledger.exceeded("acme")).toMatch(/monthly budget for acme/);
    expect(new SpendLedger(config, () => new Date("2026-04-01T00:00:00Z"), history).exceeded("acme")).toBeUndefined();
  });
});

describe("data terms", () => {
  const zeroEu = { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" };
  const thirtyUs = { retentionDays: 30, trainsOnData: false, zeroDataRetention: false, region: "us" };
  const unknown = { retentionDays: null, trainsOnData: true, zeroDataRetention: false, region: null };

  it("says which requirement a provider misses", () => {
    expect(unmetRequirement(zeroEu, { zeroDataRetention: true, regions: ["eu"] })).toBeUndefined();
    expect(unmetRequirement(thirtyUs, { maxRetentionDays: 7 })).toMatch(/30 days/);
    expect(unmetRequirement(unknown, { noTraining: true })).toMatch(/train/);
    expect(unmetRequirement(unknown, { maxRetentionDays: 7 })).toMatch(/unknown time/);
  });

  it("orders providers by strictness for fallbacks", () => {
    expect(isAtLeastAsStrict(zeroEu, thirtyUs)).toBe(false); // another region
    expect(isAtLeastAsStrict({ ...zeroEu, region: "us" }, thirtyUs)).toBe(true);
    expect(isAtLeastAsStrict(thirtyUs, zeroEu)).toBe(false);
    expect(isAtLeastAsStrict(unknown, thirtyUs)).toBe(false);
    expect(isAtLeastAsStrict(thirtyUs, unknown)).toBe(true);
  });
});

describe("special categories", () => {
  it.each([
    ["The patient was prescribed 20 mg daily", ["health"]],
    ["Der Befund zeigt keine Auffälligkeiten", ["health"]],
    ["privileged and confidential: the plaintiff will settle", ["legal"]],
    ["attached is my payslip and bank statement", ["financial"]],
    ["diagnose why std::vector crashes; symptoms: segfault", []],
    ["bump the version in package.json", []],
  ])("%s", (text, expected) => {
    expect([...specialCategories(text)].sort()).toEqual(expected);
  });
});
