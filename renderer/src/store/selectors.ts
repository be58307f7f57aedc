import type { AuditSummary } from "../../../shared/audit-query.js";
import type { FindingCounts, Receipt } from "../../../shared/receipt.js";
import type { AppState } from "./app-state.js";

// Pure functions of the state: components pick with these, and derived arrays go through
// `useShallow` so a new array with the same items does not re-render.

export const selectConnection = (state: AppState) => state.connection;
export const selectLiveRows = (state: AppState) => state.live.rows;
export const selectAudit = (state: AppState) => state.audit;
export const selectDetail = (state: AppState) => state.detail;
export const selectOverview = (state: AppState) => state.overview;
export const selectModels = (state: AppState) => state.models;

/** Whether the UI can trust what it shows: false when the gateway is gone or the session ended. */
export const selectIsOffline = (state: AppState) => state.connection.status === "unreachable" || state.connection.status === "session-expired" || state.connection.status === "forbidden";

/** The live list's request ids, newest first (stable keys for the virtualised rows). */
export const selectLiveRequestIds = (state: AppState) => state.live.rows.map((row) => row.start.requestId);

/** Cloud providers whose key is not configured: the Providers view flags them. */
export const selectProvidersWithoutKey = (state: AppState) => (state.providers.list.data ?? []).filter((provider) => !provider.key.configured).map((provider) => provider.id);

export function totalFindings(counts: FindingCounts | null | undefined): number {
  let total = 0;
  for (const count of Object.values(counts ?? {})) total += count ?? 0;
  return total;
}

/** Finding types, most frequent first, with their counts. */
export function findingsByFrequency(counts: FindingCounts | null | undefined): Array<{ type: string; count: number }> {
  return Object.entries(counts ?? {})
    .map(([type, count]) => ({ type, count: count ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** How a route is labelled on its badge: `local`, the cloud provider's id, or `blocked`. */
export function routeLabel(receipt: Pick<Receipt, "route" | "provider">): string {
  if (receipt.route === "cloud") return receipt.provider;
  return receipt.route;
}

export interface RouteShare {
  local: number;
  cloud: number;
  blocked: number;
  total: number;
}

export function routeShare(summary: Pick<AuditSummary, "byRoute">): RouteShare {
  const local = summary.byRoute.local ?? 0;
  const cloud = summary.byRoute.cloud ?? 0;
  const blocked = summary.byRoute.blocked ?? 0;
  return { local, cloud, blocked, total: local + cloud + blocked };
}
