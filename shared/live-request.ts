import type { LiveRequest, LiveRequestStart } from "./admin-api.js";
import type { Receipt } from "./receipt.js";

/** The Live view's first sight of a request: from the draft receipt its row was begun with. */
export function liveRequestStart(draft: Receipt): LiveRequestStart {
  return { requestId: draft.requestId, startedAt: draft.startedAt, client: draft.client, endpoint: draft.endpoint, requestedModel: draft.requestedModel };
}

/** The Live view's row: the finished receipt's facts, the same the audit record holds (no text). */
export function liveRequest(receipt: Receipt): LiveRequest {
  return {
    requestId: receipt.requestId,
    startedAt: receipt.startedAt,
    finishedAt: receipt.finishedAt,
    client: receipt.client,
    endpoint: receipt.endpoint,
    requestedModel: receipt.requestedModel,
    route: receipt.route,
    action: receipt.action,
    provider: receipt.provider,
    model: receipt.model,
    status: receipt.status,
    httpStatus: receipt.httpStatus,
    errorCode: receipt.errorCode,
    redactions: receipt.redactions,
    findings: receipt.findings,
    latencyMs: receipt.latencyMs.total,
    tokens: receipt.tokens,
    costUsd: receipt.costUsd,
    policyVersion: receipt.policyVersion,
  };
}
