import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { isAtLeastAsStrict, unmetRequirement } from "../policy/data-terms.js";
import type { BudgetState } from "../policy/decide.js";
import { resolveModel } from "../policy/resolve-model.js";
import type { ChatModel, ChatStreamPart } from "../providers/chat-model.js";
import { egressContext } from "./egress-context.js";
import type { ChatPlan } from "./plan-chat.js";

/** One try at one destination, in the order they happened. */
export interface Attempt {
  providerId: string;
  model: string;
  outcome: "answered" | "failed" | "skipped";
  errorCode?: string;
  upstreamStatus?: number;
  /** Why a fallback was skipped, or what failed. */
  detail?: string;
  latencyMs: number;
}

export interface DispatchDependencies {
  config: GatewayConfig;
  localModel: ChatModel | undefined;
  cloudModel: (providerId: string) => ChatModel | undefined;
  budgets: BudgetState;
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  onOutboundBody?: (providerId: string, body: string) => void;
}

export interface Dispatched {
  parts: ReadableStream<ChatStreamPart>;
  route: "local" | "cloud";
  providerId: string;
  model: string;
  /** False when a local fallback answered: its answer holds no placeholders to restore. */
  pseudonymized: boolean;
}

/** 429, 5xx, timeouts and lost connections may succeed on a second try; a refusal (4xx) will not. */
export function isRetryable(error: unknown): boolean {
  if (!isGatewayError(error)) return false;
  return error.isRetryable || error.code === "upstream_timeout" || error.code === "upstream_unreachable";
}

function defaultSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new GatewayError("request_aborted"));
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new GatewayError("request_aborted"));
    }, { once: true });
  });
}

/**
 * Sends the planned request: retries within a provider on transient failures, then the
 * configured fallbacks, but only to providers whose data terms are at least as strict and
 * meet the request's class requirements, and the local model, which is always allowed. A
 * refusal is never a reason to fall back. Every attempt, skipped ones included, is reported.
 */
export async function dispatch(plan: ChatPlan, dependencies: DispatchDependencies, signal: AbortSignal, onAttempt: (attempt: Attempt) => void): Promise<Dispatched> {
  const { decision } = plan;
  const sleep = dependencies.sleep ?? defaultSleep;
  const { config } = dependencies;

  const tryLocal = async (): Promise<Dispatched> => {
    const model = dependencies.localModel;
    if (!model) throw new GatewayError("local_model_unavailable");
    const started = performance.now();
    try {
      const parts = await model.doStream(plan.originalCall, { signal });
      onAttempt({ providerId: "local", model: "local", outcome: "answered", latencyMs: performance.now() - started });
      return { parts, route: "local", providerId: "local", model: "local", pseudonymized: false };
    } catch (error) {
      onAttempt({ providerId: "local", model: "local", outcome: "failed", errorCode: isGatewayError(error) ? error.code : "internal_error", latencyMs: performance.now() - started });
      throw error;
    }
  };

  if (decision.route === "local") return tryLocal();
  if (decision.route !== "cloud" || decision.providerId === undefined || decision.model === undefined) {
    throw new GatewayError("policy_blocked");
  }

  const primaryTerms = config.providers.find((provider) => provider.id === decision.providerId)?.dataPolicy;
  const candidates: Array<{ providerId: string; model: string } | "local"> = [{ providerId: decision.providerId, model: decision.model }];
  for (const name of config.routing.fallbacks[`${decision.providerId}/${decision.model}`] ?? []) {
    const target = resolveModel(name, config);
    if (target?.kind === "local") candidates.push("local");
    else if (target?.kind === "cloud") candidates.push({ providerId: target.providerId, model: target.model });
  }

  const retries = config.routing.retries;
  let lastError: unknown = new GatewayError("upstream_unreachable");
  for (const [index, candidate] of candidates.entries()) {
    if (candidate === "local") {
      if (dependencies.localModel) return tryLocal();
      onAttempt({ providerId: "local", model: "local", outcome: "skipped", detail: "no local model is configured", latencyMs: 0 });
      continue;
    }
    if (index > 0) {
      const skip = fallbackRefusal(candidate.providerId, config, primaryTerms, plan, dependencies.budgets);
      if (skip) {
        onAttempt({ ...candidate, outcome: "skipped", detail: skip, latencyMs: 0 });
        continue;
      }
    }
    const model = dependencies.cloudModel(candidate.providerId);
    if (!model) {
      onAttempt({ ...candidate, outcome: "skipped", detail: "this provider kind is not supported yet", latencyMs: 0 });
      continue;
    }
    const call = { ...plan.call, model: candidate.model };
    for (let attempt = 0; attempt <= retries.attempts; attempt++) {
      if (attempt > 0) await sleep(retries.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2), signal);
      const started = performance.now();
      try {
        const parts = await egressContext.run(
          { allowedTypes: decision.forwardTypes, cleanTexts: plan.cleanTexts, ...(dependencies.onOutboundBody ? { onOutboundBody: dependencies.onOutboundBody } : {}) },
          () => model.doStream(call, { signal }),
        );
        onAttempt({ ...candidate, outcome: "answered", latencyMs: performance.now() - started });
        return { parts, route: "cloud", providerId: candidate.providerId, model: candidate.model, pseudonymized: true };
      } catch (error) {
        lastError = error;
        onAttempt({
          ...candidate,
          outcome: "failed",
          errorCode: isGatewayError(error) ? error.code : "internal_error",
          ...(isGatewayError(error) && error.upstreamStatus !== undefined ? { upstreamStatus: error.upstreamStatus } : {}),
          latencyMs: performance.now() - started,
        });
        if (signal.aborted) throw error;
        // A refusal, a policy stop or a missing key: no retry and no fallback.
        if (!isRetryable(error)) throw error;
      }
    }
  }
  throw lastError;
}

function fallbackRefusal(providerId: string, config: GatewayConfig, primaryTerms: GatewayConfig["providers"][number]["dataPolicy"] | undefined, plan: ChatPlan, budgets: BudgetState): string | undefined {
  const terms = config.providers.find((provider) => provider.id === providerId)?.dataPolicy;
  if (!terms || !primaryTerms) return "the provider is not configured";
  if (!isAtLeastAsStrict(terms, primaryTerms)) return "its data terms are looser than the failed provider's";
  for (const sensitivityClass of plan.decision.classes) {
    const requirement = config.policy.require[sensitivityClass];
    const unmet = requirement && unmetRequirement(terms, requirement);
    if (unmet) return `${sensitivityClass} data may not go there: ${unmet}`;
  }
  return budgets.exceeded(providerId);
}
