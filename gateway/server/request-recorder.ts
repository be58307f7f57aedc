import type { Context } from "hono";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { FindingType } from "../../shared/findings.js";
import type { Route } from "../../shared/provenance.js";
import type { RequestStatus } from "../audit/request-log.js";
import type { ChatPlan } from "../pipeline/plan-chat.js";
import type { ResponseOutcome } from "./chat-response.js";
import type { GatewayDependencies } from "./gateway-dependencies.js";
import type { GatewayEnv } from "./gateway-env.js";

/**
 * Keeps one request's row in the request log: every authenticated request gets one, whether
 * it was answered, refused as invalid, blocked by the policy or failed upstream. Metadata only.
 */
export function requestRecorder(context: Context<GatewayEnv>, dependencies: GatewayDependencies, endpoint: string) {
  const clock = dependencies.clock ?? (() => new Date());
  const startedAt = clock();
  const id = context.get("requestId");
  let requestedModel: string | undefined;
  let stream = false;
  let route: Route = "blocked";
  let provider = "none";
  let model: string | undefined;
  let redactions = 0;
  let findingsByType: Partial<Record<FindingType, number>> = {};
  let reasons: string[] = [];
  let begun = false;
  let ended = false;

  const begin = (): void => {
    if (begun) return;
    try {
      dependencies.requestLog.begin({
        id,
        startedAt,
        client: context.get("client").name,
        endpoint,
        requestedModel,
        route,
        provider,
        model,
        stream,
        redactions,
        findingsByType,
        policyVersion: dependencies.policyVersion,
        reasons,
      });
      begun = true;
    } catch (error) {
      dependencies.logger.log("error", "request log write failed", { requestId: id, reason: (error as Error).name });
      throw new GatewayError("audit_unavailable", { cause: error });
    }
  };

  const end = (status: Exclude<RequestStatus, "in_progress">, httpStatus: number, extra: { errorCode?: string; model?: string; promptTokens?: number; completionTokens?: number } = {}): void => {
    if (ended || !begun) return;
    ended = true;
    const latencyMs = performance.now() - context.get("startedAt");
    try {
      dependencies.requestLog.finish(id, { status, finishedAt: clock(), httpStatus, latencyMs, ...extra });
    } catch (error) {
      dependencies.logger.log("error", "request log update failed", { requestId: id, reason: (error as Error).name });
    }
    dependencies.logger.log(status === "completed" ? "info" : "warn", "request", {
      requestId: id,
      client: context.get("client").name,
      endpoint,
      route,
      provider,
      status: httpStatus,
      latencyMs: Math.round(latencyMs * 10) / 10,
      redactions,
      findingTypes: Object.keys(findingsByType),
      errorCode: extra.errorCode,
    });
  };

  const fail = (error: unknown, status: "failed" | "blocked" | "rejected" = "failed"): unknown => {
    const gatewayError = isGatewayError(error) ? error : new GatewayError("internal_error", { cause: error });
    const finalStatus = gatewayError.code === "request_aborted" ? "aborted" : status;
    begin();
    end(finalStatus, gatewayError.status, { errorCode: gatewayError.code });
    return gatewayError;
  };

  return {
    noteRequest(model: string, isStream: boolean): void {
      requestedModel = model;
      stream = isStream;
    },
    noteDecision(plan: ChatPlan): void {
      route = plan.decision.route;
      provider = plan.decision.route === "cloud" ? (plan.decision.providerId ?? "none") : plan.decision.route === "local" ? "local" : "none";
      model = plan.decision.model;
      redactions = plan.redactions;
      findingsByType = plan.countsByType;
      reasons = plan.decision.reasons.map((reason) => reason.code);
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
    end(outcome: ResponseOutcome): void {
      const status = outcome.status;
      const extra = {
        errorCode: outcome.error?.code,
        model: outcome.model,
        promptTokens: outcome.usage?.promptTokens,
        completionTokens: outcome.usage?.completionTokens,
      };
      end(status, status === "completed" ? 200 : (outcome.error?.status ?? 500), extra);
    },
  };
}
