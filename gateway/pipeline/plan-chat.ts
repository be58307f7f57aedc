import type { ChatCall } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import type { FindingType } from "../../shared/findings.js";
import type { ChatCompletionRequest } from "../../shared/openai-schema.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Detector } from "../detection/detector.js";
import { decide, type Decision } from "../policy/decide.js";
import { resolveModel } from "../policy/resolve-model.js";
import type { ChatModel } from "../providers/chat-model.js";
import type { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { classify } from "./classify.js";
import { extractTextSlots } from "./extract.js";
import { pseudonymize } from "./pseudonymize.js";
import { toChatCall } from "./to-chat-call.js";

export interface ChatPipelineDependencies {
  config: GatewayConfig;
  policyVersion: string;
  detectors: readonly Detector[];
  /** The local tier, when a local model is configured. */
  localModel: ChatModel | undefined;
  cloudModel: (providerId: string) => ChatModel | undefined;
}

export interface ChatPlan {
  decision: Decision;
  /** What the answering model receives: pseudonymized when it leaves the machine. */
  call: ChatCall;
  model: ChatModel | undefined;
  pseudonyms: PseudonymMap | undefined;
  redactions: number;
  countsByType: Partial<Record<FindingType, number>>;
  detectionMs: number;
}

/**
 * Steps 3 to 6 of a request: extract every text field, classify, decide, and pseudonymize
 * what will leave. Nothing here touches the network; the decision is made before any
 * provider is contacted.
 */
export function planChat(request: ChatCompletionRequest, dependencies: ChatPipelineDependencies): ChatPlan {
  const target = resolveModel(request.model, dependencies.config);
  if (!target) throw new GatewayError("model_not_found", { param: "model", message: `The model \`${truncate(request.model)}\` does not exist here. Use \`auto\`, \`local\`, \`<provider>/<model>\` or a model \`GET /v1/models\` lists.` });

  const call = toChatCall(request, target.kind === "cloud" ? target.model : "local");
  const extraction = extractTextSlots(call);
  const classification = classify(extraction, dependencies.detectors);
  const decision = decide({
    target,
    countsByType: classification.countsByType,
    detectorFailure: classification.detectorFailure,
    localAvailable: dependencies.localModel !== undefined,
    localOnly: dependencies.config.policy.localOnly,
    policyVersion: dependencies.policyVersion,
  });

  const plan: ChatPlan = {
    decision,
    call,
    model: undefined,
    pseudonyms: undefined,
    redactions: 0,
    countsByType: classification.countsByType,
    detectionMs: classification.durationMs,
  };
  if (decision.route === "local") {
    plan.model = dependencies.localModel;
  } else if (decision.route === "cloud" && decision.providerId !== undefined) {
    plan.model = dependencies.cloudModel(decision.providerId);
    if (!plan.model) throw new GatewayError("internal_error", { message: `Provider \`${decision.providerId}\` has no adapter.` });
    const pseudonymization = pseudonymize(extraction, classification);
    plan.pseudonyms = pseudonymization.map;
    plan.redactions = pseudonymization.replacements;
  }
  return plan;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
