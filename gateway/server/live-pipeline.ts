import type { GatewayConfig } from "../config/config-schema.js";
import type { Detector } from "../detection/detector.js";
import type { Egress } from "../pipeline/egress.js";
import type { SpendLedger } from "../policy/spend-ledger.js";
import type { ChatModel } from "../providers/chat-model.js";
import type { GatewayDependencies } from "./gateway-dependencies.js";

/** The parts of the pipeline a config change replaces; everything else lives as long as the gateway. */
export interface PipelineParts {
  config: GatewayConfig;
  policyVersion: string;
  detectors: readonly Detector[];
  cloudModel: (providerId: string) => ChatModel | undefined;
  /** The one door out for these providers (the provider test in the admin API sends through it too). */
  egress: Egress;
  spend: SpendLedger;
}

/**
 * Holds the pipeline parts in use. A config change builds a whole new set and swaps it in with
 * one assignment; each request takes one snapshot when it starts, so it runs to the end under
 * the parts it began with, and a request after the swap sees only the new ones.
 */
export class LivePipeline {
  #current: PipelineParts;
  readonly #listeners = new Set<(parts: PipelineParts) => void>();

  constructor(initial: PipelineParts) {
    this.#current = initial;
  }

  current(): PipelineParts {
    return this.#current;
  }

  swap(next: PipelineParts): void {
    this.#current = next;
    for (const listener of this.#listeners) listener(next);
  }

  /** Called after every swap (e.g. to keep something built from the config in step). */
  onSwap(listener: (parts: PipelineParts) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The dependencies one request runs under: the fixed ones plus a snapshot of the live parts. */
export function snapshotDependencies(dependencies: GatewayDependencies): GatewayDependencies {
  const live = dependencies.live;
  if (!live) return dependencies;
  const parts = live.current();
  return {
    ...dependencies,
    config: parts.config,
    policyVersion: parts.policyVersion,
    detectors: parts.detectors,
    cloudModel: parts.cloudModel,
    budgets: parts.spend,
    spend: parts.spend,
  };
}

/**
 * Wraps a route handler factory so that each request gets a handler built over its own
 * snapshot (handler factories are cheap closures). Without a live pipeline it is the factory's
 * handler as is.
 */
export function perRequest<Handler extends (...arguments_: never[]) => unknown>(
  dependencies: GatewayDependencies,
  factory: (dependencies: GatewayDependencies) => Handler,
): Handler {
  if (!dependencies.live) return factory(dependencies);
  return ((...arguments_: Parameters<Handler>) => factory(snapshotDependencies(dependencies))(...arguments_)) as Handler;
}
