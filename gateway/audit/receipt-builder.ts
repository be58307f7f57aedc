import { createHash } from "node:crypto";
import type { FindingType } from "../../shared/findings.js";
import type { Route } from "../../shared/provenance.js";
import type { FindingCounts, Receipt, ReceiptAttempt, ReceiptContent, ReceiptStatus } from "../../shared/receipt.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { detect, detectRepeated } from "../detection/detect.js";
import type { Detector } from "../detection/detector.js";
import { keepContent, maskText, type KeptContent } from "./kept-content.js";
import { loggingChoice, trimReceipt } from "./logging-rules.js";
import type { Attempt } from "../pipeline/dispatch.js";

export interface ReceiptStart {
  requestId: string;
  client: string;
  endpoint: string;
  startedAt: Date;
  /** `performance.now()` when the request arrived, for the latency split. */
  startedPerformance: number;
  config: GatewayConfig;
  policyVersion: string;
  detectors: readonly Detector[];
  /** Sensitivity classes of finding types found in the answer (the policy's mapping). */
  classesOf: (counts: FindingCounts) => string[];
}

export interface DecisionFacts {
  route: Route;
  action: string;
  /** Who is meant to answer: a provider id, `local`, or `none`. */
  provider: string;
  model: string | undefined;
  classes: readonly string[];
  reasons: ReadonlyArray<{ code: string; message: string }>;
  score: number | undefined;
  tier: "weak" | "strong" | undefined;
  redactions: number;
  findings: FindingCounts;
  detectionMs: number;
}

/** One try at a destination, exactly as the dispatcher reports it. */
export type AttemptFacts = Attempt;

export interface ResponseFacts {
  text: string;
  toolCalls: Array<{ name: string; arguments: string }>;
}

export interface EndFacts {
  status: ReceiptStatus;
  httpStatus: number | null;
  errorCode: string | undefined;
  /** The model as the answer named it. */
  model: string | undefined;
  usage: { promptTokens: number; completionTokens: number } | undefined;
  endedAt: Date;
  endedPerformance: number;
}

/**
 * Collects what one request's receipt says, as the request moves along, and builds the
 * receipt: a draft when the row is begun (what a crash would leave), the final one when the
 * request ends, with the logging rule applied and the text kept where a rule asks for it.
 */
export class ReceiptBuilder {
  readonly #start: ReceiptStart;
  #requestedModel: string | null = null;
  #stream = false;
  #decision: DecisionFacts | undefined;
  #answeredBy: { route: Route; provider: string; model: string | undefined } | undefined;
  readonly #attempts: ReceiptAttempt[] = [];
  readonly #outbound: Array<{ providerId: string; sha256: string }> = [];
  #dispatchedPerformance: number | undefined;
  #queueMs: number | undefined;
  #restored = 0;
  #requestContent: unknown;
  #response: ResponseFacts | undefined;

  constructor(start: ReceiptStart) {
    this.#start = start;
  }

  noteRequest(requestedModel: string, stream: boolean): void {
    this.#stream = stream;
    this.#requestedModel = this.#name(requestedModel);
  }

  /**
   * Model names are free text a client controls (`<provider>/<anything>` is accepted, and
   * flows into the decision and the attempts): kept only when short and not data.
   */
  #name(name: string | null | undefined): string | null {
    if (name === null || name === undefined) return null;
    const short = name.slice(0, 200);
    return detectRepeated(short, this.#start.detectors).length > 0 ? null : short;
  }

  noteDecision(decision: DecisionFacts): void {
    this.#decision = decision;
  }

  /** What the text of the request was, for a logging rule that keeps it. Never part of the receipt. */
  noteRequestContent(document: unknown): void {
    this.#requestContent = document;
  }

  noteDispatchStarted(performanceNow: number): void {
    this.#dispatchedPerformance ??= performanceNow;
  }

  noteQueueMs(milliseconds: number): void {
    this.#queueMs = milliseconds;
  }

  /** The egress gate is sending these exact bytes to this provider. */
  noteOutboundBody(providerId: string, body: string): void {
    this.#outbound.push({ providerId, sha256: createHash("sha256").update(body, "utf8").digest("hex") });
  }

  noteAttempt(attempt: AttemptFacts): void {
    // An attempt that reached the gate sent exactly one body, reported just before this.
    const sentIndex = attempt.outcome === "skipped" ? -1 : this.#outbound.findIndex((sent) => sent.providerId === attempt.providerId);
    const sent = sentIndex >= 0 ? this.#outbound.splice(sentIndex, 1)[0] : undefined;
    this.#attempts.push({
      provider: attempt.providerId,
      model: this.#name(attempt.model) ?? "[redacted]",
      outcome: attempt.outcome,
      errorCode: attempt.errorCode ?? null,
      upstreamStatus: attempt.upstreamStatus ?? null,
      detail: attempt.detail === undefined ? null : maskText(attempt.detail, this.#start.detectors, detectRepeated),
      latencyMs: round(attempt.latencyMs),
      outboundSha256: sent?.sha256 ?? null,
    });
  }

  noteAnsweredBy(route: Route, provider: string, model: string | undefined): void {
    this.#answeredBy = { route, provider, model };
  }

  noteRestored(count: number): void {
    this.#restored = count;
  }

  noteResponse(response: ResponseFacts): void {
    this.#response = response;
  }

  get route(): Route {
    return this.#answeredBy?.route ?? this.#decision?.route ?? "blocked";
  }

  get provider(): string {
    return this.#answeredBy?.provider ?? this.#decision?.provider ?? "none";
  }

  /** The receipt as it stands before dispatch: kept with the request's row until it ends. */
  draft(): Receipt {
    return this.#receipt({ status: "interrupted", httpStatus: null, errorCode: undefined, model: undefined, usage: undefined, endedAt: undefined, endedPerformance: undefined });
  }

  /** The final receipt, and the text to keep when a logging rule asks for it. */
  finish(end: EndFacts): { receipt: Receipt; kept: KeptContent | undefined } {
    const receipt = this.#receipt(end);
    const responseFindings = this.#response ? countFindings(responseText(this.#response), this.#start.detectors) : null;
    receipt.responseFindings = responseFindings;
    const classes = [...new Set([...receipt.classes, ...(responseFindings ? this.#start.classesOf(responseFindings) : [])])].sort();
    const choice = loggingChoice(this.#start.config.logging, receipt.route, classes);
    if (choice.level === "none") return { receipt: trimReceipt({ ...receipt, content: { level: "none", sha256: null, expiresAt: null } }), kept: undefined };
    if (choice.level === "metadata" || this.#requestContent === undefined) {
      return { receipt: { ...receipt, content: { level: "metadata", sha256: null, expiresAt: null } }, kept: undefined };
    }
    const { kept, receiptContent } = keepContent(choice.level, { request: this.#requestContent, response: this.#response ?? null }, { detectors: this.#start.detectors, now: end.endedAt, days: choice.days });
    return { receipt: { ...receipt, content: receiptContent }, kept };
  }

  #receipt(end: Omit<EndFacts, "endedAt" | "endedPerformance"> & { endedAt: Date | undefined; endedPerformance: number | undefined }): Receipt {
    const start = this.#start;
    const decision = this.#decision;
    const route = this.route;
    const provider = this.provider;
    const answered = [...this.#attempts].reverse().find((attempt) => attempt.outcome === "answered");
    const tokens = end.usage ? { prompt: end.usage.promptTokens, completion: end.usage.completionTokens } : null;
    const model = this.#name(end.model ?? this.#answeredBy?.model ?? decision?.model);
    const content: ReceiptContent = { level: "metadata", sha256: null, expiresAt: null };
    return {
      receiptVersion: 1,
      requestId: start.requestId,
      startedAt: start.startedAt.toISOString(),
      finishedAt: end.endedAt?.toISOString() ?? null,
      client: start.client,
      endpoint: start.endpoint,
      stream: this.#stream,
      requestedModel: this.#requestedModel,
      status: end.status,
      httpStatus: end.httpStatus,
      errorCode: end.errorCode ?? null,
      route,
      action: decision?.action ?? null,
      provider,
      model,
      dataTerms: route === "cloud" ? dataTermsOf(start.config, provider) : null,
      policyVersion: start.policyVersion,
      detectors: start.detectors.map((detector) => detector.id),
      classes: [...(decision?.classes ?? [])].sort(),
      findings: nonZero(decision?.findings ?? {}),
      responseFindings: null,
      redactions: decision?.redactions ?? 0,
      restored: this.#restored,
      attempts: [...this.#attempts],
      routing: {
        score: decision?.score === undefined ? null : Math.round(decision.score * 1000) / 1000,
        tier: decision?.tier ?? null,
        // Reasons quote model names and settings; whatever a detector flags in them is masked.
        reasons: (decision?.reasons ?? []).map((reason) => ({ code: reason.code, message: maskText(reason.message, start.detectors, detectRepeated) })),
      },
      latencyMs: {
        detection: decision ? round(decision.detectionMs) : null,
        queue: this.#queueMs === undefined ? null : round(this.#queueMs),
        upstream: this.#dispatchedPerformance === undefined || end.endedPerformance === undefined ? null : round(end.endedPerformance - this.#dispatchedPerformance),
        total: end.endedPerformance === undefined ? null : round(end.endedPerformance - start.startedPerformance),
      },
      tokens,
      // Priced by the configured model name: a provider may answer with a dated snapshot name.
      costUsd: costOf(start.config, route, provider, this.#answeredBy?.model ?? decision?.model ?? model, tokens),
      outboundSha256: answered?.outboundSha256 ?? null,
      content,
    };
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}

function nonZero(counts: FindingCounts): FindingCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => (count ?? 0) > 0));
}

function responseText(response: ResponseFacts): string {
  return [response.text, ...response.toolCalls.map((call) => call.arguments)].join("\n");
}

function countFindings(text: string, detectors: readonly Detector[]): FindingCounts {
  const counts: Partial<Record<FindingType, number>> = {};
  if (text.length === 0) return counts;
  for (const finding of detect(text, detectors)) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
  return counts;
}

function dataTermsOf(config: GatewayConfig, providerId: string): Receipt["dataTerms"] {
  const terms = config.providers.find((provider) => provider.id === providerId)?.dataPolicy;
  return terms ? { retentionDays: terms.retentionDays, trainsOnData: terms.trainsOnData, zeroDataRetention: terms.zeroDataRetention, region: terms.region } : null;
}

/** From the configured prices per million tokens; nothing is spent locally or when blocked. */
function costOf(config: GatewayConfig, route: Route, providerId: string, model: string | null, tokens: Receipt["tokens"]): number | null {
  if (route !== "cloud") return 0;
  if (tokens === null || model === null) return null;
  const entry = config.providers
    .find((provider) => provider.id === providerId)
    ?.models.find((candidate) => typeof candidate !== "string" && candidate.id === model);
  if (entry === undefined || typeof entry === "string" || entry.inputPerMillion === undefined || entry.outputPerMillion === undefined) return null;
  return Math.round(((tokens.prompt * entry.inputPerMillion + tokens.completion * entry.outputPerMillion) / 1_000_000) * 1e9) / 1e9;
}
