import type { Receipt, ReceiptStatus } from "../../shared/receipt.js";
import type { RequestRecord } from "./request-log.js";

/**
 * A receipt rebuilt from a request-log row that has no draft (a row begun by a gateway older
 * than the audit trail): what the row knows, nulls for the rest.
 */
export function receiptFromRow(row: RequestRecord): Receipt {
  return {
    receiptVersion: 1,
    requestId: row.id,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    client: row.client,
    endpoint: row.endpoint,
    stream: row.stream,
    requestedModel: row.requestedModel,
    status: row.status === "in_progress" ? "interrupted" : (row.status as ReceiptStatus),
    httpStatus: row.httpStatus,
    errorCode: row.errorCode,
    route: row.route,
    action: null,
    provider: row.provider,
    model: row.model,
    dataTerms: null,
    policyVersion: row.policyVersion,
    detectors: [],
    classes: [],
    findings: row.findingsByType,
    responseFindings: null,
    redactions: row.redactions,
    restored: 0,
    attempts: [],
    routing: { score: null, tier: null, reasons: row.reasons.map((code) => ({ code, message: "" })) },
    latencyMs: { detection: null, queue: null, upstream: null, total: row.latencyMs },
    tokens: row.promptTokens === null || row.completionTokens === null ? null : { prompt: row.promptTokens, completion: row.completionTokens },
    costUsd: null,
    outboundSha256: null,
    content: { level: "metadata", sha256: null, expiresAt: null },
  };
}
