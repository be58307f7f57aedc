import type { Context } from "hono";
import { anthropicCountTokensRequestSchema } from "../../../shared/anthropic-schema.js";
import { GatewayError } from "../../../shared/errors.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import { classify } from "../../pipeline/classify.js";
import { localAnswerPlan } from "../../pipeline/local-answer-plan.js";
import { extractTextSlots } from "../../pipeline/extract.js";
import { toChatCall } from "../../pipeline/to-chat-call.js";
import { resolveModel } from "../../policy/resolve-model.js";
import { estimateInputTokens } from "../anthropic/estimate-tokens.js";
import { anthropicToChatRequest } from "../anthropic/to-chat-request.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { requestRecorder } from "../request-recorder.js";

/**
 * `POST /v1/messages/count_tokens`, answered on this machine with an estimate: counting at the
 * provider would send the text out. The request is still classified, so its record says what it
 * held, like every other request.
 */
export function countTokensHandler(dependencies: GatewayDependencies) {
  return async function countTokens(context: Context<GatewayEnv>): Promise<Response> {
    const recorder = requestRecorder(context, dependencies, "/v1/messages/count_tokens");
    const request = await recorder.guard(() => readJsonBody(context, anthropicCountTokensRequestSchema));
    recorder.noteRequest(request.model, false);
    if (!resolveModel(request.model, dependencies.config)) {
      throw recorder.fail(new GatewayError("model_not_found", { param: "model" }), "rejected");
    }
    const call = recorder.guardSync(() => toChatCall(anthropicToChatRequest(request), "local"));
    const extraction = extractTextSlots(call);
    const classification = classify(extraction, dependencies.detectors);
    recorder.noteDecision(localAnswerPlan(call, classification, dependencies.policyVersion, { code: "count_tokens_local", message: "Token counts are estimated on this machine." }));
    context.header(provenanceHeaders.route, "local");
    context.header(provenanceHeaders.provider, "local");
    context.header(provenanceHeaders.policy, dependencies.policyVersion);
    recorder.begin();
    const inputTokens = estimateInputTokens(call, extraction);
    // A count consumes nothing: no usage goes into the record's token totals.
    recorder.end({ status: "completed", model: undefined, usage: undefined, error: undefined });
    return context.json({ input_tokens: inputTokens });
  };
}
