import { describe, expect, it } from "vitest";
import type { BudgetStatus, GatewayStatus, SummarySeries } from "../../../shared/admin-api.js";
import type { AuditSummary } from "../../../shared/audit-query.js";
import { AdminApiError } from "../api/admin-error.js";
import { fakeAdminApi } from "../test-support/fake-admin-api.js";
import { budgetMeterViews } from "./budget-meters.js";
import { createAppStore } from "./create-app-store.js";

const summary: AuditSummary = { records: 3, incidents: 0, byStatus: { completed: 3 }, byRoute: { cloud: 3 }, byProvider: { acme: 3 }, byClient: { cli: 3 }, findingsByType: {}, promptTokens: 30, completionTokens: 9, costUsd: 1.5, averageLatencyMs: 10 };

function status(budgets: BudgetStatus): GatewayStatus {
  return {
    version: "0.0.0",
    endpoint: "http://127.0.0.1:8484/v1",
    policyVersion: "p1",
    localOnly: { on: false, forcedByConfig: false },
    localModel: null,
    providers: 1,
    startedAt: "2026-03-10T00:00:00.000Z",
    budgets,
  };
}

function apiWith(budgets: () => BudgetStatus | Promise<never>) {
  return fakeAdminApi({
    summary: async () => summary,
    series: async (bucket, since, until): Promise<SummarySeries> => ({ bucket, since: since ?? "", until: until ?? "", points: [], savingsPricedAs: null }),
    status: async () => status(await budgets()),
  });
}

describe("the overview slice", () => {
  const now = new Date("2026-03-10T12:30:00.000Z");

  it("loads the window's totals with the gateway's budget meters", async () => {
    const budgets: BudgetStatus = { whenExceeded: "local", meters: [{ provider: null, period: "day", capUsd: 2, spentUsd: 1.5 }] };
    const api = apiWith(() => budgets);
    const store = createAppStore(api);
    await store.getState().loadOverview("day", now);
    const data = store.getState().overview.data;
    expect(data.status).toBe("ready");
    expect(data.data?.budgets).toEqual(budgets);
    expect(budgetMeterViews(data.data?.budgets)).toMatchObject([{ label: "All providers, today (UTC)", fraction: 0.75, level: "ok" }]);
    expect(api.calls.find((call) => call.method === "summary")?.args).toEqual([{ since: "2026-03-09T13:00:00.000Z", until: "2026-03-10T13:00:00.000Z" }]);
  });

  it("shows no meter when no budget is set", async () => {
    const store = createAppStore(apiWith(() => ({ whenExceeded: "local", meters: [] })));
    await store.getState().loadOverview("week", now);
    expect(store.getState().overview.data.status).toBe("ready");
    expect(budgetMeterViews(store.getState().overview.data.data?.budgets)).toEqual([]);
  });

  it("reports a failure to read the budgets like any other, keeping what it showed", async () => {
    let fail = false;
    const store = createAppStore(apiWith(() => (fail ? Promise.reject(new AdminApiError("server", "The gateway failed.")) : { whenExceeded: "block", meters: [] })));
    await store.getState().loadOverview("week", now);
    fail = true;
    await store.getState().loadOverview("week", now);
    const data = store.getState().overview.data;
    expect(data.status).toBe("error");
    expect(data.error?.message).toBe("The gateway failed.");
    expect(data.data?.budgets.whenExceeded).toBe("block");
  });
});
