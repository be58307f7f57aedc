import type { Usage } from "../../shared/chat.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { BudgetState } from "./decide.js";

export interface SpendEntry {
  providerId: string;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  at: Date;
}

interface Prices {
  inputPerMillion: number;
  outputPerMillion: number;
}

function pricesOf(config: GatewayConfig): Map<string, Prices> {
  const prices = new Map<string, Prices>();
  for (const provider of config.providers) {
    for (const entry of provider.models) {
      if (typeof entry === "string") continue;
      prices.set(`${provider.id}/${entry.id}`, { inputPerMillion: entry.inputPerMillion ?? 0, outputPerMillion: entry.outputPerMillion ?? 0 });
    }
  }
  return prices;
}

function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Spend per provider per UTC day and month, from token counts and the configured prices per
 * million tokens. Caps are checked before a request is sent: once a cap is reached, nothing
 * more is spent (the policy answers locally or refuses).
 */
export class SpendLedger implements BudgetState {
  readonly #config: GatewayConfig;
  readonly #prices: Map<string, Prices>;
  readonly #clock: () => Date;
  readonly #spent = new Map<string, number>();

  constructor(config: GatewayConfig, clock: () => Date = () => new Date(), history: Iterable<SpendEntry> = []) {
    this.#config = config;
    this.#prices = pricesOf(config);
    this.#clock = clock;
    for (const entry of history) this.record(entry.providerId, entry.model, { promptTokens: entry.promptTokens, completionTokens: entry.completionTokens }, entry.at);
  }

  /** The cost in USD of one answer, or 0 when the model has no configured prices. */
  costOf(providerId: string, model: string | null, usage: Usage): number {
    const prices = model === null ? undefined : this.#prices.get(`${providerId}/${model}`);
    if (!prices) return 0;
    return (usage.promptTokens * prices.inputPerMillion + usage.completionTokens * prices.outputPerMillion) / 1_000_000;
  }

  record(providerId: string, model: string | null, usage: Usage, at: Date = this.#clock()): number {
    const cost = this.costOf(providerId, model, usage);
    if (cost === 0) return 0;
    for (const key of [`day:${dayKey(at)}`, `month:${monthKey(at)}`]) {
      this.#add(`${providerId}|${key}`, cost);
      this.#add(`*|${key}`, cost);
    }
    return cost;
  }

  spent(providerId: string | "*", period: "day" | "month", at: Date = this.#clock()): number {
    const key = period === "day" ? `day:${dayKey(at)}` : `month:${monthKey(at)}`;
    return this.#spent.get(`${providerId}|${key}`) ?? 0;
  }

  exceeded(providerId: string): string | undefined {
    const budgets = this.#config.routing.budgets;
    const providerBudget = budgets.providers[providerId];
    const checks: Array<[string | "*", "day" | "month", number | undefined, string]> = [
      [providerId, "day", providerBudget?.dailyUsd, `The daily budget for ${providerId}`],
      [providerId, "month", providerBudget?.monthlyUsd, `The monthly budget for ${providerId}`],
      ["*", "day", budgets.dailyUsd, "The total daily budget"],
      ["*", "month", budgets.monthlyUsd, "The total monthly budget"],
    ];
    for (const [who, period, cap, label] of checks) {
      if (cap === undefined) continue;
      const spent = this.spent(who, period);
      if (spent >= cap) return `${label} ($${cap.toFixed(2)}) is spent ($${spent.toFixed(4)})`;
    }
    return undefined;
  }

  #add(key: string, cost: number): void {
    this.#spent.set(key, (this.#spent.get(key) ?? 0) + cost);
  }
}
