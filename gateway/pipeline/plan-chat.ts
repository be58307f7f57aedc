import type { ChatCall, ChatMessage } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import type { Finding, FindingType } from "../../shared/findings.js";
import type { ChatCompletionRequest } from "../../shared/openai-schema.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Detector } from "../detection/detector.js";
import { decide, type BudgetState, type CloudTarget, type Decision } from "../policy/decide.js";
import { resolveModel, type ModelTarget } from "../policy/resolve-model.js";
import { specialCategories } from "../policy/special-categories.js";
import type { ChatModel } from "../providers/chat-model.js";
import { conversationKey } from "../pseudonym/conversation-key.js";
import type { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { classify } from "./classify.js";
import { extractTextSlots } from "./extract.js";
import { pseudonymize } from "./pseudonymize.js";
import { toChatCall } from "./to-chat-call.js";

export interface DifficultyEstimate {
  score: number;
  implausiblyEasy: boolean;
}

export interface ChatPipelineDependencies {
  config: GatewayConfig;
  policyVersion: string;
  detectors: readonly Detector[];
  /** The local tier, when a local model is configured. */
  localModel: ChatModel | undefined;
  cloudModel: (providerId: string) => ChatModel | undefined;
  estimateDifficulty: (text: string) => DifficultyEstimate;
  /** The run-time local-only switch (the config's `policy.localOnly` is applied on top). */
  localOnly: () => boolean;
  budgets: BudgetState;
  /** The secret behind keyed placeholders (see conversation-key.ts). */
  pseudonymSecret: Buffer;
}

export interface ChatPlan {
  decision: Decision;
  /** What the answering model receives: pseudonymized when it leaves the machine. */
  call: ChatCall;
  /** The request as the client sent it, for the local tier (a fallback included). */
  originalCall: ChatCall;
  model: ChatModel | undefined;
  pseudonyms: PseudonymMap | undefined;
  redactions: number;
  countsByType: Partial<Record<FindingType, number>>;
  /** Field texts classification scanned and found clean: the egress gate need not scan them again. */
  cleanTexts: ReadonlySet<string>;
  /** Findings per text field, for `explain`; never logged or stored. */
  findings: Array<{ path: string; findings: Finding[] }>;
  detectionMs: number;
}

/** The text the difficulty estimate reads: what the user asks now. */
function promptText(messages: ChatMessage[]): string {
  const last = [...messages].reverse().find((message) => message.role === "user");
  const content = last?.content;
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

export function resolveRoutingTargets(config: GatewayConfig): { strong: CloudTarget | undefined; weak: ModelTarget } {
  const strong = config.routing.strong === undefined ? undefined : resolveModel(config.routing.strong, config);
  const weak = resolveModel(config.routing.weak, config);
  if (config.routing.strong !== undefined && strong?.kind !== "cloud") {
    throw new GatewayError("internal_error", { message: `routing.strong \`${config.routing.strong}\` is not a configured cloud model` });
  }
  if (!weak || weak.kind === "auto") throw new GatewayError("internal_error", { message: `routing.weak \`${config.routing.weak}\` is not \`local\` or a configured cloud model` });
  return { strong: strong as CloudTarget | undefined, weak };
}

/**
 * Steps 3 to 6 of a request: extract every text field, classify, decide, and pseudonymize
 * what will leave. Nothing here touches the network; the decision is made before any
 * provider is contacted.
 */
export function planChat(request: ChatCompletionRequest, dependencies: ChatPipelineDependencies, client: string): ChatPlan {
  const { config } = dependencies;
  const target = resolveModel(request.model, config);
  if (!target) {
    throw new GatewayError("model_not_found", {
      param: "model",
      message: `The model \`${truncate(request.model)}\` does not exist here. Use \`auto\`, \`local\`, \`<provider>/<model>\` or a model \`GET /v1/models\` lists.`,
    });
  }

  const call = toChatCall(request, target.kind === "cloud" ? target.model : "local");
  const originalCall = structuredClone(call);
  originalCall.model = "local";
  const extraction = extractTextSlots(call);
  const classification = classify(extraction, dependencies.detectors);
  const allText = extraction.slots.map((slot) => slot.get()).join("\n");
  const flaggedSlots = new Set(classification.slots.map(({ slot }) => slot));
  const cleanTexts = new Set(extraction.slots.filter((slot) => !flaggedSlots.has(slot)).map((slot) => slot.get()));
  const difficulty = dependencies.estimateDifficulty(promptText(call.messages));
  const decision = decide({
    target,
    countsByType: classification.countsByType,
    categories: specialCategories(allText),
    detectorFailure: classification.detectorFailure,
    difficulty: difficulty.score,
    implausiblyEasy: difficulty.implausiblyEasy,
    policy: config.policy,
    routing: { ...resolveRoutingTargets(config), threshold: config.routing.threshold },
    // A provider without an adapter is not a destination at all.
    dataPolicies: new Map(config.providers.filter((provider) => dependencies.cloudModel(provider.id) !== undefined).map((provider) => [provider.id, provider.dataPolicy])),
    localAvailable: dependencies.localModel !== undefined,
    localOnly: config.policy.localOnly || dependencies.localOnly(),
    budgets: dependencies.budgets,
    whenBudgetExceeded: config.routing.budgets.whenExceeded,
    policyVersion: dependencies.policyVersion,
  });

  const plan: ChatPlan = {
    decision,
    call: originalCall,
    originalCall,
    model: undefined,
    pseudonyms: undefined,
    redactions: 0,
    countsByType: classification.countsByType,
    cleanTexts,
    findings: classification.slots.map(({ slot, findings }) => ({ path: slot.path, findings })),
    detectionMs: classification.durationMs,
  };
  if (decision.route === "local") {
    plan.model = dependencies.localModel;
  } else if (decision.route === "cloud" && decision.providerId !== undefined && decision.model !== undefined) {
    plan.model = dependencies.cloudModel(decision.providerId);
    if (!plan.model) throw new GatewayError("internal_error", { message: `Provider \`${decision.providerId}\` has no adapter.` });
    const pseudonymization = pseudonymize(extraction, classification, {
      types: decision.pseudonymizeTypes,
      conversationKey: conversationKey(dependencies.pseudonymSecret, client, originalCall.messages),
    });
    call.model = decision.model;
    plan.call = call;
    plan.pseudonyms = pseudonymization.map;
    plan.redactions = pseudonymization.replacements;
  }
  return plan;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
