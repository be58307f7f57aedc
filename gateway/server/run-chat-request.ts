import type { Context } from "hono";
import { GatewayError } from "../../shared/errors.js";
import type { ChatCompletionRequest } from "../../shared/openai-schema.js";
import { provenanceHeaders } from "../../shared/provenance.js";
import { dispatch } from "../pipeline/dispatch.js";
import { planChat, type ChatPlan } from "../pipeline/plan-chat.js";
import { createRestoreStream, type RestoreStats } from "../pipeline/restore.js";
import { providerLabel } from "../policy/decide.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "./chat-response.js";
import type { GatewayDependencies } from "./gateway-dependencies.js";
import type { GatewayEnv } from "./gateway-env.js";
import { requestRecorder } from "./request-recorder.js";

export interface ChatRunOptions<Inbound> {
  /** The path the audit record names, e.g. `/v1/chat/completions`. */
  endpoint: string;
  /** Reads and validates the body in the edge's own wire format; a refusal is recorded as `rejected`. */
  read: () => Promise<Inbound>;
  /** The inbound request in the pipeline's vocabulary (OpenAI chat); a refusal here is recorded too. */
  toChatRequest: (inbound: Inbound) => ChatCompletionRequest;
  /** What the edge changed in the request that the record should say (e.g. tools it dropped); called after `toChatRequest`. */
  notes?: () => ReadonlyArray<{ code: string; message: string }>;
}

/** What an edge's encoder needs once the request is planned, recorded and dispatched. */
export interface ChatRun<Inbound> {
  inbound: Inbound;
  request: ChatCompletionRequest;
  plan: ChatPlan;
  /** The answer as typed parts, placeholders restored, seen by the audit record. */
  parts: ReadableStream<ChatStreamPart>;
  /** `id` is the request id; the edge adds its own prefix (`chatcmpl-`, `resp_`, `msg_`). */
  identity: ResponseIdentity;
  /**
   * Writes the audit record of an answer that ended. Call it before the client can see the
   * end; it throws audit_unavailable when the record cannot be written.
   */
  finish: (outcome: ResponseOutcome) => void;
  /** For a stream the client abandoned: stops the upstream work. */
  onCancel: () => void;
  /** For a failure before the answer was sent (non-stream): records it and returns the error to throw. */
  fail: (error: unknown) => unknown;
}

/**
 * The request path every chat-like edge shares, from the body to the restored answer:
 * read, classify and decide (before anything is sent), provenance headers, the request-log row,
 * the policy's refusal, dispatch with client-abort wiring, restore and capture. Errors are
 * thrown as GatewayErrors; each edge's error mapper gives them its wire shape.
 */
export async function runChatRequest<Inbound>(
  context: Context<GatewayEnv>,
  dependencies: GatewayDependencies,
  options: ChatRunOptions<Inbound>,
): Promise<ChatRun<Inbound>> {
  const recorder = requestRecorder(context, dependencies, options.endpoint);
  const inbound = await recorder.guard(options.read);
  const request = recorder.guardSync(() => options.toChatRequest(inbound));
  recorder.noteRequest(request.model, request.stream === true);

  // Classify and decide before anything is sent anywhere.
  const plan = recorder.guardSync(() => planChat(request, dependencies, context.get("client").name));
  const { decision } = plan;
  recorder.noteDecision(plan, options.notes?.());
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

  const answered = dispatched;
  return {
    inbound,
    request,
    plan,
    parts,
    identity: { id: context.get("requestId"), created: Math.floor(Date.now() / 1000), fallbackModel: answered.route === "cloud" ? answered.model : "local" },
    finish(outcome) {
      clientSignal.removeEventListener("abort", onClientAbort);
      if (answered.route === "cloud" && outcome.usage) dependencies.spend?.record(answered.providerId, answered.model, outcome.usage);
      recorder.noteRestored(restoreStats.restored);
      recorder.end(outcome);
    },
    onCancel: () => upstream.abort(new GatewayError("request_aborted")),
    fail(error) {
      clientSignal.removeEventListener("abort", onClientAbort);
      return recorder.fail(error);
    },
  };
}
