import type { ChatCall } from "../../shared/chat.js";
import type { Classification } from "./classify.js";
import type { ChatPlan } from "./plan-chat.js";

/**
 * The plan of a request the gateway answers itself on this machine (embeddings, token counts):
 * nothing is routed, so the record holds what classification found and why it stayed here.
 */
export function localAnswerPlan(call: ChatCall, classification: Classification, policyVersion: string, reason: { code: string; message: string }): ChatPlan {
  return {
    decision: {
      route: "local",
      action: "local-only",
      providerId: undefined,
      model: undefined,
      reasons: [reason],
      policyVersion,
      classes: [],
      difficulty: 0,
      tier: undefined,
      pseudonymizeTypes: new Set(),
      forwardTypes: new Set(),
    },
    // Only the shape of the request is recorded; a logging rule decides about its text.
    call,
    originalCall: call,
    findings: [],
    cleanTexts: new Set(),
    model: undefined,
    pseudonyms: undefined,
    redactions: 0,
    countsByType: classification.countsByType,
    detectionMs: classification.durationMs,
  };
}
