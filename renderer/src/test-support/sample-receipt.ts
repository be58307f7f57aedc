import type { Receipt } from "../../../shared/receipt.js";

/**
 * A complete receipt for tests (the renderer's and, through test/support, the gateway's);
 * override what a test looks at. It lives here because the renderer may import only `shared/`.
 */
export function sampleReceipt(overrides: Partial<Receipt> & { requestId: string }): Receipt {
  return {
    receiptVersion: 1,
    startedAt: "2026-01-15T10:00:00.000Z",
    finishedAt: "2026-01-15T10:00:01.000Z",
    client: "test-client",
    endpoint: "/v1/chat/completions",
    stream: false,
    requestedModel: "fake/fake-model",
    status: "completed",
    httpStatus: 200,
    errorCode: null,
    route: "cloud",
    action: "pseudonymize",
    provider: "fake",
    model: "fake-model",
    dataTerms: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
    policyVersion: "builtin-1.000000000000",
    detectors: ["email-v1"],
    classes: ["personal"],
    findings: { EMAIL: 2 },
    responseFindings: {},
    redactions: 2,
    restored: 2,
    attempts: [{ provider: "fake", model: "fake-model", outcome: "answered", errorCode: null, upstreamStatus: null, detail: null, latencyMs: 12.5, outboundSha256: "0".repeat(64) }],
    routing: { score: 0.25, tier: null, reasons: [{ code: "requested_cloud", message: "The client asked for fake/fake-model." }] },
    latencyMs: { detection: 0.4, queue: null, upstream: 900.1, total: 1000.2 },
    tokens: { prompt: 12, completion: 7 },
    costUsd: 0.000019,
    outboundSha256: "0".repeat(64),
    content: { level: "metadata", sha256: null, expiresAt: null },
    ...overrides,
  };
}
