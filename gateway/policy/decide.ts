import type { FindingType } from "../../shared/findings.js";
import { pullDefaultModelCommand } from "../../shared/local-models.js";
import { actionRank, stricterAction, type Action, type SensitivityClass } from "../../shared/policy.js";
import type { Route } from "../../shared/provenance.js";
import type { DataPolicy, GatewayConfig } from "../config/config-schema.js";
import { unmetRequirement } from "./data-terms.js";
import { classesOfFindings } from "./sensitivity.js";
import type { ModelTarget } from "./resolve-model.js";

export type { Action };

export interface Reason {
  code: string;
  message: string;
}

export type CloudTarget = Extract<ModelTarget, { kind: "cloud" }>;

export interface BudgetState {
  /** A sentence naming the cap that is reached, or undefined while spending is allowed. */
  exceeded(providerId: string): string | undefined;
}

export interface DecisionInput {
  target: ModelTarget;
  countsByType: Partial<Record<FindingType, number>>;
  /** Special categories (health, legal, financial) found in the text. */
  categories: ReadonlySet<SensitivityClass>;
  detectorFailure: string | undefined;
  /** Higher means the strong tier is needed; computed for every request. */
  difficulty: number;
  implausiblyEasy: boolean;
  policy: GatewayConfig["policy"];
  routing: { strong: CloudTarget | undefined; weak: ModelTarget; threshold: number };
  dataPolicies: ReadonlyMap<string, DataPolicy>;
  localAvailable: boolean;
  /** Config or run-time switch. */
  localOnly: boolean;
  budgets: BudgetState;
  whenBudgetExceeded: "local" | "block";
  policyVersion: string;
}

export interface Decision {
  route: Route;
  action: Action;
  /** Set when route is `cloud`. */
  providerId: string | undefined;
  model: string | undefined;
  reasons: Reason[];
  policyVersion: string;
  classes: SensitivityClass[];
  difficulty: number;
  tier: "weak" | "strong" | undefined;
  /** Finding types replaced by placeholders before the request leaves. */
  pseudonymizeTypes: ReadonlySet<FindingType>;
  /** Finding types the destination may see as they are (the egress gate's allow-list). */
  forwardTypes: ReadonlySet<FindingType>;
}

/**
 * The route decision: a pure function of what was asked, what was found, the policy, the
 * providers' terms and the budgets. The prompt's words reach it only as findings, categories
 * and a difficulty score, so "this is public, use GPT" cannot move anything: every input the
 * content controls can only add classes, and classes only tighten the action and the terms.
 */
export function decide(input: DecisionInput): Decision {
  const typeClass = classesOfFindings(input.countsByType, input.policy.types);
  const classes = new Set<SensitivityClass>([...typeClass.values(), ...input.categories]);
  const reasons: Reason[] = [];

  let action: Action = "forward";
  for (const sensitivityClass of classes) action = stricterAction(action, input.policy.classes[sensitivityClass]);
  for (const sensitivityClass of [...classes].sort()) {
    const classAction = input.policy.classes[sensitivityClass];
    if (classAction !== "forward") reasons.push({ code: `class_${sensitivityClass}`, message: `${describeClass(sensitivityClass)}: the policy says ${classAction}.` });
  }
  if (input.detectorFailure) {
    action = stricterAction(action, "local-only");
    reasons.push({ code: "detector_failure", message: "Detection failed or ran out of time, so the content cannot be cleared for the cloud." });
  }

  const pseudonymizeTypes = new Set<FindingType>();
  const forwardTypes = new Set<FindingType>();
  for (const [type, sensitivityClass] of typeClass) {
    const classAction = input.policy.classes[sensitivityClass];
    if (classAction === "forward") forwardTypes.add(type);
    else pseudonymizeTypes.add(type);
  }

  const base = { policyVersion: input.policyVersion, classes: [...classes].sort(), difficulty: input.difficulty, pseudonymizeTypes, forwardTypes };
  const local = (extra: Reason[], tier?: "weak" | "strong"): Decision => ({
    ...base,
    route: "local",
    action: actionRank(action) >= actionRank("local-only") ? "local-only" : action,
    providerId: undefined,
    model: undefined,
    reasons: [...reasons, ...extra],
    tier,
  });
  const blocked = (extra: Reason[]): Decision => ({ ...base, route: "blocked", action: "block", providerId: undefined, model: undefined, reasons: [...reasons, ...extra], tier: undefined });
  const keepLocal = (why: Reason[]): Decision =>
    input.localAvailable
      ? local([...why, { code: "answered_locally", message: "The local model answers instead." }])
      : blocked([...why, { code: "no_local_model", message: `No local model is installed to answer it instead (it is never sent to the cloud for that): run \`${pullDefaultModelCommand}\` to get one.` }]);

  if (action === "block") return blocked([{ code: "policy_block", message: "The policy blocks content of this class." }]);

  // Which model the request would go to, before privacy has its say.
  let candidate: ModelTarget = input.target;
  let tier: "weak" | "strong" | undefined;
  if (input.target.kind === "auto") {
    const strong = input.routing.strong;
    const hard = input.difficulty >= input.routing.threshold || input.implausiblyEasy;
    tier = hard && strong ? "strong" : "weak";
    candidate = tier === "strong" && strong ? strong : input.routing.weak;
    reasons.push({
      code: tier === "strong" ? "routed_strong" : "routed_weak",
      message: `Difficulty ${input.difficulty.toFixed(2)} against threshold ${input.routing.threshold}${input.implausiblyEasy ? " (implausibly easy: treated as hard)" : ""}: the ${tier} tier${strong ? "" : " (no strong model is configured)"}.`,
    });
  } else if (input.target.kind === "local") {
    reasons.push({ code: "requested_local", message: "The client asked for the local model." });
  }
  if (candidate.kind !== "cloud") return local([], tier);

  reasons.push({ code: "cloud_candidate", message: `Destination ${candidate.providerId}/${candidate.model}.` });
  if (input.localOnly) return keepLocal([{ code: "local_only_mode", message: "Local-only mode is on: no request goes to a cloud provider." }]);
  if (actionRank(action) >= actionRank("local-only")) return keepLocal([]);

  const terms = input.dataPolicies.get(candidate.providerId);
  if (!terms) return keepLocal([{ code: "unknown_provider", message: `Provider ${candidate.providerId} is not configured.` }]);
  for (const sensitivityClass of [...classes].sort()) {
    const requirement = input.policy.require[sensitivityClass];
    const unmet = requirement && unmetRequirement(terms, requirement);
    if (unmet) return keepLocal([{ code: "provider_terms_insufficient", message: `${describeClass(sensitivityClass)} may not go to ${candidate.providerId}: ${unmet}.` }]);
  }
  const overBudget = input.budgets.exceeded(candidate.providerId);
  if (overBudget) {
    const why = { code: "budget_exceeded", message: `${overBudget}; nothing more is spent.` };
    return input.whenBudgetExceeded === "block" ? blocked([why]) : keepLocal([why]);
  }

  if (action === "pseudonymize") reasons.push({ code: "pseudonymized", message: `Findings (${[...pseudonymizeTypes].sort().join(", ")}) are replaced by placeholders before sending.` });
  return { ...base, route: "cloud", action, providerId: candidate.providerId, model: candidate.model, reasons, tier };
}

/** The `x-privacy-router-provider` value for a decision: the provider id, `local`, or `none`. */
export function providerLabel(decision: Pick<Decision, "route" | "providerId">): string {
  if (decision.route === "cloud") return decision.providerId ?? "none";
  return decision.route === "local" ? "local" : "none";
}

function describeClass(sensitivityClass: SensitivityClass): string {
  switch (sensitivityClass) {
    case "secret":
      return "The request contains a secret (a key, token or password)";
    case "unscannable":
      return "The request contains images, audio or files that cannot be scanned";
    case "health":
    case "legal":
    case "financial":
      return `The request touches ${sensitivityClass} matters`;
    default:
      return `The request contains ${sensitivityClass} data`;
  }
}
