import type { FindingType } from "./findings.js";
import type { Route } from "./provenance.js";
import type { Receipt, ReceiptStatus } from "./receipt.js";

/**
 * The audit view's questions, as the admin API and the UI ask them. Times are ISO 8601 and
 * compare with the moment a record was written (when its request ended).
 */
export interface AuditFilter {
  since?: string;
  until?: string;
  client?: string;
  route?: Route;
  provider?: string;
  findingType?: FindingType;
  status?: ReceiptStatus;
}

export interface AuditPageRequest {
  /** Records per page; at most `maximumAuditPageSize`. */
  limit?: number;
  /** Keyset cursor: only records older than this sequence number (the previous page's `nextBefore`). */
  before?: number;
}

export const defaultAuditPageSize = 50;
export const maximumAuditPageSize = 500;

export interface AuditListItem {
  seq: number;
  recordedAt: string;
  hash: string;
  receipt: Receipt;
  /** Whether the request's text is still kept (a logging rule asked for it and it is not purged yet). */
  contentKept: boolean;
}

export interface AuditPage {
  records: AuditListItem[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** Counts and sums for the dashboard, over the records a filter selects. */
export interface AuditSummary {
  records: number;
  /** Incident records (the trail's own notes that it was found damaged) in the same window. */
  incidents: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, number>;
  byProvider: Record<string, number>;
  byClient: Record<string, number>;
  findingsByType: Partial<Record<FindingType, number>>;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  averageLatencyMs: number | null;
}
