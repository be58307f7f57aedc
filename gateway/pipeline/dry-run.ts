import type { DryRunResult } from "../../shared/admin-api.js";
import { GatewayError } from "../../shared/errors.js";
import { chatCompletionRequestSchema, type ChatCompletionRequest } from "../../shared/openai-schema.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { ChatModel } from "../providers/chat-model.js";
import { createCloudModels } from "../providers/create-cloud-models.js";
import type { Egress } from "./egress.js";
import { planChat, type ChatPipelineDependencies, type ChatPlan } from "./plan-chat.js";

/**
 * The dry run behind `privacy-router explain` and `POST /admin/v1/dry-run`: the request path up
 * to the decision and the pseudonymized body, with adapters whose egress refuses and a local
 * tier that never runs, so nothing can be sent whatever the plan says.
 */
const refusingEgress: Egress = {
  send: () => Promise.reject(new GatewayError("internal_error", { message: "a dry run never sends anything" })),
};
const dryRunLocalModel: ChatModel = {
  providerId: "local",
  doStream: () => Promise.reject(new GatewayError("internal_error", { message: "a dry run never runs the model" })),
};

/** The pipeline dependencies of a dry run over `config`, with the run-time parts that decide (local-only switch, budgets, placeholder key) handed in. */
export function dryRunDependencies(
  config: GatewayConfig,
  parts: Pick<ChatPipelineDependencies, "policyVersion" | "detectors" | "estimateDifficulty" | "localOnly" | "budgets" | "pseudonymSecret">,
): ChatPipelineDependencies {
  const cloudModels = createCloudModels(config, refusingEgress);
  return {
    ...parts,
    config,
    localModel: config.local.model || config.local.server ? dryRunLocalModel : undefined,
    cloudModel: (providerId) => cloudModels.get(providerId),
  };
}

/** Plain text becomes one user message; a JSON chat request is taken as it is (`model` overrides its own). */
export function asChatRequest(text: string, model: string | undefined): ChatCompletionRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed !== null && typeof parsed === "object" && "messages" in parsed) {
    return chatCompletionRequestSchema.parse({ model: "auto", ...parsed, ...(model ? { model } : {}) });
  }
  return { model: model ?? "auto", messages: [{ role: "user", content: text }] };
}

/**
 * Findings with their fields, the decision, and exactly what would leave (URL and body), from a
 * plan: the provider's own adapter describes its request, the one it would send, whatever kind.
 */
export function describePlan(plan: ChatPlan, config: GatewayConfig): DryRunResult {
  const { decision } = plan;
  const model = decision.route === "cloud" && decision.providerId !== undefined ? createCloudModels(config, refusingEgress).get(decision.providerId) : undefined;
  const outbound = model?.describeRequest?.(plan.call) ?? null;
  return {
    findings: plan.findings.flatMap(({ path, findings }) => findings.map((finding) => ({ path, ...finding }))),
    decision: {
      route: decision.route,
      action: decision.action,
      provider: decision.providerId ?? null,
      model: decision.model ?? null,
      reasons: decision.reasons.map((reason) => ({ code: reason.code, message: reason.message })),
      policyVersion: decision.policyVersion,
      classes: [...decision.classes],
      difficulty: decision.difficulty,
      tier: decision.tier ?? null,
    },
    redactions: plan.redactions,
    outbound,
  };
}

/** The whole dry run of a text. Throws GatewayError (unknown model) or ZodError (not a chat request). */
export function dryRun(text: string, options: { model?: string | undefined; client: string }, dependencies: ChatPipelineDependencies): DryRunResult {
  const plan = planChat(asChatRequest(text, options.model), dependencies, options.client);
  return describePlan(plan, dependencies.config);
}
