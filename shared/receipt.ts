import type { FindingType } from "./findings.js";
import type { Route } from "./provenance.js";

/**
 * The provenance receipt: what the gateway proves about one request, months later. One is
 * appended to the hash-chained audit trail when a request ends, whatever the outcome. It holds
 * metadata only (counts of findings by type, never their values); the text of a request is kept
 * apart, and only when a logging rule asks for it.
 *
 * Field order does not matter: the trail stores the receipt as canonical JSON (keys sorted, no
 * spaces, RFC 8785), and every field is present (null when unknown), so one receipt always has
 * one text and one hash.
 */
export interface Receipt {
  /** Bumped when a field changes meaning; readers branch on it. */
  receiptVersion: 1;
  requestId: string;
  /** ISO 8601 UTC. */
  startedAt: string;
  /** Null for a request a crash interrupted: it never finished. */
  finishedAt: string | null;
  /** The client token's name, never the token. */
  client: string;
  endpoint: string;
  stream: boolean;
  /** As the client asked (`auto`, `gpt-4o`, `openai/gpt-4o`); null when it could not be read or looked like data. */
  requestedModel: string | null;
  status: ReceiptStatus;
  /** What the client got; null when the gateway stopped before answering. */
  httpStatus: number | null;
  /** The error catalogue's code (shared/errors.ts), never a message. */
  errorCode: string | null;
  route: Route;
  /** The policy's action: `forward`, `pseudonymize`, `local-only`, `block`; null before a decision. */
  action: string | null;
  /** Who answered: a provider id, `local`, or `none`. */
  provider: string;
  /** The model that answered, as it named itself. */
  model: string | null;
  /** The answering provider's data terms as configured at that moment; null when nothing left the machine. */
  dataTerms: ReceiptDataTerms | null;
  policyVersion: string;
  /** Ids of the detectors that ran; an id carries its version (`email-v1`). */
  detectors: string[];
  /** Sensitivity classes the request carried (`personal`, `health`, `secret`, …). */
  classes: string[];
  /** Findings in the request, by type: counts only. */
  findings: FindingCounts;
  /** Findings in the answer as the client received it; null when there was no answer to scan. */
  responseFindings: FindingCounts | null;
  /** Values replaced by placeholders before the request left. */
  redactions: number;
  /** Placeholders turned back into values in the answer. */
  restored: number;
  /** Every try at a destination, in order: retries, fallbacks and skipped fallbacks included. */
  attempts: ReceiptAttempt[];
  routing: ReceiptRouting;
  latencyMs: ReceiptLatency;
  tokens: ReceiptTokens | null;
  /** From the configured prices per million tokens; 0 for the local tier; null when a price is missing. */
  costUsd: number | null;
  /** SHA-256 (hex) of the exact bytes sent to the provider that answered; null when nothing was sent. */
  outboundSha256: string | null;
  content: ReceiptContent;
}

export type FindingCounts = Partial<Record<FindingType, number>>;

/**
 * `completed`: answered in full. `failed`: the provider or model failed. `blocked`: the policy
 * refused it. `rejected`: an invalid request. `aborted`: the client went away. `interrupted`:
 * the gateway stopped (a crash, a kill) while it ran; recorded at the next start.
 */
export const receiptStatuses = ["completed", "failed", "blocked", "rejected", "aborted", "interrupted"] as const;
export type ReceiptStatus = (typeof receiptStatuses)[number];

export interface ReceiptDataTerms {
  retentionDays: number | null;
  trainsOnData: boolean;
  zeroDataRetention: boolean;
  region: string | null;
}

export interface ReceiptAttempt {
  provider: string;
  model: string;
  outcome: "answered" | "failed" | "skipped";
  errorCode: string | null;
  upstreamStatus: number | null;
  /** Why a fallback was skipped (from config: terms, budgets), never request content. */
  detail: string | null;
  latencyMs: number;
  /** SHA-256 of the exact bytes this attempt sent; null when it sent nothing. */
  outboundSha256: string | null;
}

export interface ReceiptRouting {
  /** The difficulty score the router computed (0..1); null when no decision was made. */
  score: number | null;
  tier: "weak" | "strong" | null;
  reasons: Array<{ code: string; message: string }>;
}

/** Milliseconds, rounded to 0.1. Null where a phase did not happen or is not measured. */
export interface ReceiptLatency {
  detection: number | null;
  /** Waiting for a free local model sequence. */
  queue: number | null;
  /** From the first dispatch to the end of the answer. */
  upstream: number | null;
  total: number | null;
}

export interface ReceiptTokens {
  prompt: number;
  completion: number;
}

/** What a logging rule kept of the request's text (see `logging.content` in config). */
export const loggingLevels = ["none", "metadata", "pseudonymized", "full"] as const;
export type LoggingLevel = (typeof loggingLevels)[number];

export interface ReceiptContent {
  /**
   * `none`: the receipt itself is trimmed (no findings, classes, reasons or requested model).
   * `metadata`: the receipt, no text. `pseudonymized`: text with every finding masked.
   * `full`: the text as sent and answered, kept on this machine.
   */
  level: LoggingLevel;
  /** SHA-256 of the kept text: the proof outlives the text, which is purged on schedule. */
  sha256: string | null;
  expiresAt: string | null;
}
