import type { FindingType } from "../../shared/findings.js";
import type { Route } from "../../shared/provenance.js";
import type { ModelTarget } from "./resolve-model.js";

export type Action = "forward" | "pseudonymize" | "local-only" | "block";

export interface Reason {
  code: string;
  message: string;
}

export interface DecisionInput {
  target: ModelTarget;
  countsByType: Partial<Record<FindingType, number>>;
  detectorFailure: string | undefined;
  localAvailable: boolean;
  localOnly: boolean;
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
}

/** Finding types that never leave the machine under the built-in policy, even pseudonymized. */
const neverLeaves: ReadonlySet<FindingType> = new Set<FindingType>(["SECRET", "UNSCANNABLE_CONTENT"]);

/**
 * The route decision: a pure function of what was asked, what was found and the policy. The
 * content can only tighten what the requested model allows; nothing in the prompt is read here
 * except through the findings.
 */
export function decide(input: DecisionInput): Decision {
  const { target, policyVersion } = input;
  const local = (action: Action, reasons: Reason[]): Decision => ({ route: "local", action, providerId: undefined, model: undefined, reasons, policyVersion });

  if (target.kind === "local") return local("forward", [{ code: "requested_local", message: "The client asked for the local model." }]);
  if (target.kind === "auto") {
    return local("forward", [{ code: "auto_routes_local", message: "`auto` is answered by the local model." }]);
  }

  const keepReasons: Reason[] = [];
  if (input.localOnly) keepReasons.push({ code: "local_only_mode", message: "Local-only mode is on: no request goes to a cloud provider." });
  if (input.detectorFailure) {
    keepReasons.push({ code: "detector_failure", message: "Detection failed, so the content cannot be cleared for the cloud." });
  }
  const kept = [...neverLeaves].filter((type) => (input.countsByType[type] ?? 0) > 0);
  for (const type of kept) {
    keepReasons.push(
      type === "SECRET"
        ? { code: "secret_found", message: "The request contains a secret (an API key, token or private key), which never leaves this machine." }
        : { code: "unscannable_content", message: "The request contains images, audio or files that cannot be scanned, so it does not leave this machine." },
    );
  }
  if (keepReasons.length > 0) {
    if (input.localAvailable) {
      return local("local-only", [...keepReasons, { code: "answered_locally", message: "The local model answers instead of the requested cloud model." }]);
    }
    return {
      route: "blocked",
      action: "block",
      providerId: undefined,
      model: undefined,
      reasons: [...keepReasons, { code: "no_local_model", message: "No local model is configured to answer it instead." }],
      policyVersion,
    };
  }

  const findings = Object.entries(input.countsByType).filter(([, count]) => (count ?? 0) > 0);
  const pseudonymizeReasons = findings.map(([type, count]) => ({
    code: "pseudonymized",
    message: `${count} ${type} finding(s) replaced by placeholders before sending.`,
  }));
  return {
    route: "cloud",
    action: findings.length > 0 ? "pseudonymize" : "forward",
    providerId: target.providerId,
    model: target.model,
    reasons: [{ code: "requested_cloud", message: `The client asked for ${target.providerId}/${target.model}.` }, ...pseudonymizeReasons],
    policyVersion,
  };
}
