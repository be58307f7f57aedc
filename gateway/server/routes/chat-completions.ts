import type { Context } from "hono";
import { GatewayError } from "../../../shared/errors.js";
import { chatCompletionRequestSchema } from "../../../shared/openai-schema.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import { dispatch } from "../../pipeline/dispatch.js";
import { planChat } from "../../pipeline/plan-chat.js";
import { providerLabel } from "../../policy/decide.js";
import { createRestoreStream, type RestoreStats } from "../../pipeline/restore.js";
import { collectCompletion, sseCompletionStream, type ResponseOutcome } from "../chat-response.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { requestRecorder } from "../request-recorder.js";

/** `POST /v1/chat/completions`: the request path of the architecture, top to bottom. */
export function chatCompletionsHandler(dependencies: GatewayDependencies) {
  return async function chatCompletions(context: Context<GatewayEnv>): Promise<Response> {
    const recorder = requestRecorder(context, dependencies, "/v1/chat/completions");
    const request = await recorder.guard(() => readJsonBody(context, chatCompletionRequestSchema));
    recorder.noteRequest(request.model, request.stream === true);

    // Classify and decide before anything is sent anywhere.
    const plan = recorder.guardSync(() => planChat(request, dependencies, context.get("client").name));
    const { decision } = plan;
    recorder.noteDecision(plan);
    context.header(provenanceHeaders.route, decision.route);
    context.header(provenanceHeaders.provider, providerLabel(decision));
    context.header(provenanceHeaders.redactions, String(plan.redactions));
    context.header(provenanceHeaders.policy, decision.policyVersion);

    // A request that cannot be recorded is not served.
    recorder.begin();

    if (decision.route === "blocked") {
      throw recorder.fail(new GatewayError("policy_blocked", { message: `The privacy policy refused this request: ${decision.reasons.map((reason) => reason.message).join(" ")}` }), "blocked");
    }
    if (!plan.model) throw recorder.fail(new GatewayError("local_model_unavailable"));

    const upstream = new AbortController();
    const clientSignal = context.req.raw.signal;
    const onClientAbort = (): void => upstream.abort(new GatewayError("request_aborted"));
    clientSignal.addEventListener("abort", onClientAbort, { once: true });

    let dispatched;
    try {
      recorder.noteDispatchStarted();
      // The egress gate hands the exact outbound bytes to the record (only their hash is kept).
      const onOutboundBody = (providerId: string, body: string): void => recorder.noteOutboundBody(providerId, body);
      dispatched = await dispatch(plan, { ...dependencies, onOutboundBody }, upstream.signal, (attempt) => recorder.noteAttempt(attempt));
    } catch (error) {
      clientSignal.removeEventListener("abort", onClientAbort);
      throw recorder.fail(error);
    }
    recorder.noteDispatched(dispatched);
    // A fallback may have moved the answer: the headers say who really answered.
    context.header(provenanceHeaders.route, dispatched.route);
    context.header(provenanceHeaders.provider, dispatched.providerId);
    if (!dispatched.pseudonymized) context.header(provenanceHeaders.redactions, "0");
    let parts = dispatched.parts;
    const restoreStats: RestoreStats = { restored: 0, unknownPlaceholders: 0 };
    if (plan.pseudonyms && dispatched.pseudonymized) parts = parts.pipeThrough(createRestoreStream(plan.pseudonyms, restoreStats, { contentIsJson: plan.call.responseFormat !== undefined && plan.call.responseFormat.type !== "text" }));
    parts = recorder.captureResponse(parts);

    const identity = { id: `chatcmpl-${context.get("requestId")}`, created: Math.floor(Date.now() / 1000), fallbackModel: dispatched.route === "cloud" ? dispatched.model : "local" };
    const finish = (outcome: ResponseOutcome): void => {
      clientSignal.removeEventListener("abort", onClientAbort);
      if (dispatched.route === "cloud" && outcome.usage) dependencies.spend?.record(dispatched.providerId, dispatched.model, outcome.usage);
      recorder.noteRestored(restoreStats.restored);
      // Before the client sees the end of the answer; throws when the record cannot be written.
      recorder.end(outcome);
    };

    if (request.stream) {
      const body = sseCompletionStream(parts, identity, {
        includeUsage: request.stream_options?.include_usage === true,
        onEnd: finish,
        onCancel: () => upstream.abort(new GatewayError("request_aborted")),
      });
      context.header("content-type", "text/event-stream; charset=utf-8");
      context.header("cache-control", "no-cache");
      return context.body(body, 200);
    }

    try {
      const { body, outcome } = await collectCompletion(parts, identity);
      finish(outcome);
      return context.json(body, 200);
    } catch (error) {
      clientSignal.removeEventListener("abort", onClientAbort);
      throw recorder.fail(error);
    }
  };
}
