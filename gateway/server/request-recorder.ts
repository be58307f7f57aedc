import type { Context } from "hono";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { ReceiptStatus } from "../../shared/receipt.js";
import { ReceiptBuilder } from "../audit/receipt-builder.js";
import { describeStorageError } from "../audit/storage-error.js";
import type { Attempt, Dispatched } from "../pipeline/dispatch.js";
import type { ChatPlan } from "../pipeline/plan-chat.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { classesOfFindings } from "../policy/sensitivity.js";
import type { ResponseOutcome } from "./chat-response.js";
import type { GatewayDependencies } from "./gateway-dependencies.js";
import type { GatewayEnv } from "./gateway-env.js";
import { ResponseCapture } from "./response-capture.js";
import { providerLabel } from "../policy/decide.js";
import { liveRequest, liveRequestStart } from "../../shared/live-request.js";

/**
 * Keeps one request's audit: every authenticated request gets a row before anything is
 * dispatched, and a hash-chained record when it ends, whether it was answered, refused as
 * invalid, blocked by the policy, failed upstream or abandoned by the client. Both writes are
 * synchronous and fail closed: a row that cannot be written stops the request (503
 * audit_unavailable) before anything leaves; a record that cannot be written withholds the
 * end of the answer, so a client never sees an answer the trail does not hold.
 */
export function requestRecorder(context: Context<GatewayEnv>, dependencies: GatewayDependencies, endpoint: string) {
  const clock = dependencies.clock ?? (() => new Date());
  const id = context.get("requestId");
  const client = context.get("client").name;
  const receipt = new ReceiptBuilder({
    requestId: id,
    client,
    endpoint,
    startedAt: clock(),
    startedPerformance: context.get("startedAt"),
    config: dependencies.config,
    policyVersion: dependencies.policyVersion,
    detectors: dependencies.detectors,
    classesOf: (counts) => [...new Set(classesOfFindings(counts, dependencies.config.policy.types).values())],
  });
  const attempts: Attempt[] = [];
  let capture: ResponseCapture | undefined;
  let begun = false;
  let ended = false;

  const auditUnavailable = (error: unknown, step: string): GatewayError => {
    const reason = describeStorageError(error);
    dependencies.logger.log("error", `audit ${step} failed; the request is not served`, { requestId: id, reason });
    return new GatewayError("audit_unavailable", { message: `The audit log cannot be written (${reason}), so the request was not served.`, cause: error });
  };

  const begin = (): void => {
    if (begun) return;
    try {
      const draft = receipt.draft();
      dependencies.audit.begin(draft);
      begun = true;
      dependencies.events?.publish({ type: "request.started", request: liveRequestStart(draft) });
    } catch (error) {
      throw auditUnavailable(error, "row write");
    }
  };

  const end = (endStatus: ReceiptStatus, endHttpStatus: number, endExtra: { errorCode?: string; model?: string; usage?: { promptTokens: number; completionTokens: number } } = {}): void => {
    if (ended || !begun) return;
    ended = true;
    // A client that left makes the upstream stream stop short: that is the client's doing, not a failure.
    const clientLeft = endStatus !== "completed" && context.req.raw.signal.aborted;
    const status: ReceiptStatus = clientLeft ? "aborted" : endStatus;
    const httpStatus = clientLeft ? 499 : endHttpStatus;
    const extra = clientLeft ? { ...endExtra, errorCode: "request_aborted" } : endExtra;
    if (capture) receipt.noteResponse(capture.facts());
    const endedPerformance = performance.now();
    const { receipt: finished, kept } = receipt.finish({ status, httpStatus, errorCode: extra.errorCode, model: extra.model, usage: extra.usage, endedAt: clock(), endedPerformance });
    try {
      dependencies.audit.finish(finished, kept);
    } catch (error) {
      throw auditUnavailable(error, "record write");
    }
    dependencies.events?.publish({ type: "request.finished", request: liveRequest(finished) });
    dependencies.logger.log(status === "completed" ? "info" : "warn", "request", {
      requestId: id,
      client,
      endpoint,
      route: finished.route,
      provider: finished.provider,
      status: httpStatus,
      latencyMs: finished.latencyMs.total,
      redactions: finished.redactions,
      findingTypes: Object.keys(finished.findings),
      errorCode: extra.errorCode,
    });
  };

  const fail = (error: unknown, status: "failed" | "blocked" | "rejected" = "failed"): unknown => {
    const gatewayError = isGatewayError(error) ? error : new GatewayError("internal_error", { cause: error });
    // The egress gate's refusals are policy blocks too, wherever in the path they happen.
    const finalStatus = gatewayError.code === "request_aborted" ? "aborted" : gatewayError.code === "policy_blocked" ? "blocked" : status;
    begin();
    end(finalStatus, gatewayError.status, { errorCode: gatewayError.code });
    return gatewayError;
  };

  return {
    noteRequest(model: string, isStream: boolean): void {
      receipt.noteRequest(model, isStream);
    },
    /** `notes`: the edge's own reasons (what it changed in the request), after the policy's. */
    noteDecision(plan: ChatPlan, notes: ReadonlyArray<{ code: string; message: string }> = []): void {
      const { decision } = plan;
      receipt.noteDecision({
        route: decision.route,
        action: decision.action,
        provider: providerLabel(decision),
        model: decision.model,
        classes: decision.classes ?? [],
        reasons: [...decision.reasons, ...notes],
        score: decision.difficulty,
        tier: decision.tier,
        redactions: plan.redactions,
        findings: plan.countsByType,
        detectionMs: plan.detectionMs,
      });
      const call = plan.originalCall ?? plan.call;
      if (call.messages.length > 0) receipt.noteRequestContent({ messages: call.messages, tools: call.tools ?? null });
    },
    /** The text behind a request that is not a chat (embeddings); kept only if a logging rule asks. */
    noteRequestContent(document: unknown): void {
      receipt.noteRequestContent(document);
    },
    /** Every try at a destination, fallbacks and retries included, in order. */
    noteAttempt(attempt: Attempt): void {
      attempts.push(attempt);
      receipt.noteAttempt(attempt);
    },
    attempts(): readonly Attempt[] {
      return attempts;
    },
    /** Dispatch begins: the upstream part of the latency starts here. */
    noteDispatchStarted(): void {
      receipt.noteDispatchStarted(performance.now());
    },
    /** For the egress gate (through the dispatcher): the exact bytes about to leave, hashed, never kept. */
    noteOutboundBody(providerId: string, body: string): void {
      receipt.noteOutboundBody(providerId, body);
    },
    /** Where the request was finally answered, when a fallback moved it. */
    noteDispatched(dispatched: Pick<Dispatched, "route" | "providerId" | "model">): void {
      receipt.noteAnsweredBy(dispatched.route, dispatched.providerId, dispatched.model);
    },
    noteQueueMs(milliseconds: number): void {
      receipt.noteQueueMs(milliseconds);
    },
    noteRestored(count: number): void {
      receipt.noteRestored(count);
    },
    /** Lets the record see the answer as the client gets it (after restore). */
    captureResponse(parts: ReadableStream<ChatStreamPart>): ReadableStream<ChatStreamPart> {
      capture = new ResponseCapture();
      return parts.pipeThrough(capture.transform());
    },
    begin,
    /** Runs a step that may refuse the request (bad JSON, unknown model) and records the refusal. */
    async guard<T>(step: () => Promise<T>): Promise<T> {
      try {
        return await step();
      } catch (error) {
        throw fail(error, "rejected");
      }
    },
    guardSync<T>(step: () => T): T {
      try {
        return step();
      } catch (error) {
        throw fail(error, "rejected");
      }
    },
    fail,
    /**
     * Appends the record of an answer that ended. Call it before the client can see the end
     * (before a non-stream body is sent, before a stream's last frames): it throws
     * audit_unavailable when the record cannot be written, and the answer must then be withheld.
     */
    end(outcome: ResponseOutcome): void {
      const status = outcome.status;
      end(status, status === "completed" ? 200 : (outcome.error?.status ?? 500), {
        ...(outcome.error ? { errorCode: outcome.error.code } : {}),
        ...(outcome.model ? { model: outcome.model } : {}),
        ...(outcome.usage ? { usage: outcome.usage } : {}),
      });
    },
  };
}

export type RequestRecorder = ReturnType<typeof requestRecorder>;
