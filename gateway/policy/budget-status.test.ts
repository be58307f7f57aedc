import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { budgetStatus } from "./budget-status.js";
import { SpendLedger } from "./spend-ledger.js";

const providers = [{ id: "acme", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", models: [{ id: "big", inputPerMillion: 2, outputPerMillion: 8 }] }];
const now = new Date("2026-03-10T12:00:00Z");

describe("budgetStatus", () => {
  it("lists every configured cap with the spend the ledger counted against it, totals first", () => {
    const config = configSchema.parse({ providers, routing: { budgets: { dailyUsd: 1, providers: { acme: { monthlyUsd: 0.5 } }, whenExceeded: "block" } } });
    const history = [{ providerId: "acme", model: "big", promptTokens: 100_000, completionTokens: 0, at: new Date("2026-03-02T08:00:00Z") }];
    const ledger = new SpendLedger(config, () => now, history);
    ledger.record("acme", "big", { promptTokens: 50_000, completionTokens: 0 });
    expect(budgetStatus(config, ledger)).toEqual({
      whenExceeded: "block",
      meters: [
        { provider: null, period: "day", capUsd: 1, spentUsd: 0.1 },
        { provider: "acme", period: "month", capUsd: 0.5, spentUsd: 0.3 },
      ],
    });
  });

  it("has no meters when no budget is set", () => {
    const config = configSchema.parse({ providers });
    expect(budgetStatus(config, new SpendLedger(config, () => now))).toEqual({ whenExceeded: "local", meters: [] });
  });
});
