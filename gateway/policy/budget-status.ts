import type { BudgetMeter, BudgetStatus } from "../../shared/admin-api.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { SpendLedger } from "./spend-ledger.js";

/**
 * Every configured cap with the spend the ledger has counted against it: the same figures the
 * routing decision checks before a cloud request, so the UI never shows a different verdict.
 */
export function budgetStatus(config: GatewayConfig, ledger: SpendLedger, now?: Date): BudgetStatus {
  const budgets = config.routing.budgets;
  const meters: BudgetMeter[] = [];
  const add = (provider: string | null, period: "day" | "month", capUsd: number | undefined): void => {
    if (capUsd === undefined) return;
    meters.push({ provider, period, capUsd, spentUsd: roundUsd(ledger.spent(provider ?? "*", period, now)) });
  };
  add(null, "day", budgets.dailyUsd);
  add(null, "month", budgets.monthlyUsd);
  for (const [provider, budget] of Object.entries(budgets.providers)) {
    add(provider, "day", budget.dailyUsd);
    add(provider, "month", budget.monthlyUsd);
  }
  return { whenExceeded: budgets.whenExceeded, meters };
}

/** Sums of per-request costs carry float noise; a nano-dollar is far below anything shown. */
function roundUsd(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
