import type { FindingCounts, Receipt } from "../shared/receipt.js";

/**
 * Receipts shaped like a busy month: twenty clients, three cloud providers and the local tier,
 * mostly completed requests, findings in a third of them, a rare IBAN or secret. A fixed
 * pseudo-random sequence, so two runs fill the same trail.
 */
export function syntheticReceipt(index: number, startedAt: Date): Receipt {
  const random = sequence(index);
  const routeDraw = random();
  const route = routeDraw < 0.6 ? "cloud" : routeDraw < 0.95 ? "local" : "blocked";
  const provider = route === "cloud" ? (["openai", "mistral-eu", "together"][Math.floor(random() * 3)] as string) : route === "local" ? "local" : "none";
  const statusDraw = random();
  const status = route === "blocked" ? "blocked" : statusDraw < 0.95 ? "completed" : statusDraw < 0.97 ? "failed" : statusDraw < 0.98 ? "rejected" : statusDraw < 0.99 ? "aborted" : "completed";
  const findings: FindingCounts = {};
  if (random() < 0.3) findings.EMAIL = 1 + Math.floor(random() * 3);
  if (random() < 0.1) findings.PHONE = 1;
  if (random() < 0.05) findings.PERSON = 1 + Math.floor(random() * 2);
  if (random() < 0.01) findings.IBAN = 1;
  if (route === "blocked" || random() < 0.005) findings.SECRET = 1;
  const prompt = 200 + Math.floor(random() * 2000);
  const completion = status === "completed" ? 20 + Math.floor(random() * 600) : 0;
  const total = 50 + random() * 4000;
  const model = route === "cloud" ? "gpt-4o-mini" : route === "local" ? "qwen2.5-0.5b-instruct" : null;
  const hash = (seed: number): string => (Math.floor(seed * 2 ** 52).toString(16) + "0".repeat(64)).slice(0, 64);
  return {
    receiptVersion: 1,
    requestId: `req_bench_${index.toString(36).padStart(8, "0")}`,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + total).toISOString(),
    client: `tool-${Math.floor(random() * 20)}`,
    endpoint: "/v1/chat/completions",
    stream: random() < 0.5,
    requestedModel: route === "local" ? "local" : "gpt-4o-mini",
    status,
    httpStatus: status === "completed" ? 200 : status === "blocked" ? 403 : status === "rejected" ? 400 : status === "aborted" ? 499 : 502,
    errorCode: status === "completed" ? null : status === "blocked" ? "policy_blocked" : status === "rejected" ? "invalid_request" : status === "aborted" ? "request_aborted" : "upstream_error",
    route,
    action: route === "blocked" ? "block" : Object.keys(findings).length > 0 ? "pseudonymize" : "forward",
    provider,
    model,
    dataTerms: route === "cloud" ? { retentionDays: 30, trainsOnData: false, zeroDataRetention: false, region: "us" } : null,
    policyVersion: "builtin-1.0a1b2c3d4e5f",
    detectors: ["secret-provider-key-v1", "email-v2", "phone-v1", "iban-v1", "entities-v1"],
    classes: Object.keys(findings).length > 0 ? ["personal"] : [],
    findings,
    responseFindings: status === "completed" ? {} : null,
    redactions: route === "cloud" ? Object.values(findings).reduce((sum, count) => sum + (count ?? 0), 0) : 0,
    restored: 0,
    attempts: route === "blocked" ? [] : [{ provider, model: model ?? "local", outcome: status === "failed" ? "failed" : "answered", errorCode: null, upstreamStatus: null, detail: null, latencyMs: Math.round(total * 10) / 10, outboundSha256: route === "cloud" ? hash(random()) : null }],
    routing: { score: Math.round(random() * 1000) / 1000, tier: null, reasons: [{ code: route === "cloud" ? "requested_cloud" : "requested_local", message: "The client asked for this model." }] },
    latencyMs: { detection: Math.round(random() * 30) / 10, queue: route === "local" ? Math.round(random() * 500) / 10 : null, upstream: Math.round(total * 9) / 10, total: Math.round(total * 10) / 10 },
    tokens: status === "completed" ? { prompt, completion } : null,
    costUsd: route === "cloud" && status === "completed" ? Math.round(((prompt * 0.15 + completion * 0.6) / 1_000_000) * 1e9) / 1e9 : route === "cloud" ? null : 0,
    outboundSha256: route === "cloud" ? hash(random()) : null,
    content: { level: "metadata", sha256: null, expiresAt: null },
  };
}

/** A small deterministic generator (mulberry32) seeded by the record's index. */
function sequence(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
