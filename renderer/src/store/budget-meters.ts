import type { BudgetMeter, BudgetStatus } from "../../../shared/admin-api.js";

/** How close a cap is: `reached` is the gateway's own test (spent ≥ cap), `near` from 80%. */
export type BudgetLevel = "ok" | "near" | "reached";

export interface BudgetMeterView {
  key: string;
  label: string;
  spentUsd: number;
  capUsd: number;
  /** Spent over cap, held to 0..1 for the meter's bar. */
  fraction: number;
  level: BudgetLevel;
}

const nearFraction = 0.8;

/** The Overview's budget meters, in the gateway's order (totals first); empty when no budget is set. */
export function budgetMeterViews(budgets: BudgetStatus | undefined): BudgetMeterView[] {
  return (budgets?.meters ?? []).map((meter) => {
    const reached = meter.spentUsd >= meter.capUsd;
    const fraction = meter.capUsd > 0 ? Math.min(1, meter.spentUsd / meter.capUsd) : 1;
    return {
      key: `${meter.provider ?? "*"}:${meter.period}`,
      label: budgetLabel(meter),
      spentUsd: meter.spentUsd,
      capUsd: meter.capUsd,
      fraction,
      level: reached ? "reached" : fraction >= nearFraction ? "near" : "ok",
    };
  });
}

function budgetLabel(meter: BudgetMeter): string {
  const period = meter.period === "day" ? "today (UTC)" : "this month (UTC)";
  return meter.provider === null ? `All providers, ${period}` : `${meter.provider}, ${period}`;
}

/** What happens past a cap, in the words the Overview shows. */
export function whenExceededText(budgets: BudgetStatus): string {
  return budgets.whenExceeded === "local" ? "Past a cap, requests are answered on this machine." : "Past a cap, cloud requests are refused.";
}
