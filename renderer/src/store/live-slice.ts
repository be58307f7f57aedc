import { liveRequest } from "../../../shared/live-request.js";
import type { StateCreator } from "zustand";
import type { AuditListItem } from "../../../shared/audit-query.js";
import type { LiveRequest, LiveRequestStart } from "../../../shared/admin-api.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";

/** The live list keeps the newest requests only; the audit view pages through the rest. */
export const liveCapacity = 1000;

/** One line of the Live view: known from `request.started`, completed by `request.finished`. */
export interface LiveRow {
  start: LiveRequestStart;
  /** Null while the request runs. */
  finished: LiveRequest | null;
}

export interface LiveSlice {
  live: {
    /** Newest first, one row per request id. */
    rows: LiveRow[];
    seeded: boolean;
  };
  /** Fills the list with the latest records (at start and after a reconnect: events are not replayed). */
  seedLive(): Promise<void>;
  receiveRequestStarted(start: LiveRequestStart): void;
  receiveRequestFinished(request: LiveRequest): void;
}

export const initialLive: LiveSlice["live"] = { rows: [], seeded: false };

/** The Live view's facts from an audit record (for seeding from the log): the same mapping the gateway's events use. */
export function liveRequestOf(item: AuditListItem): LiveRequest {
  return liveRequest(item.receipt);
}

function rowOf(request: LiveRequest): LiveRow {
  const { requestId, startedAt, client, endpoint, requestedModel } = request;
  return { start: { requestId, startedAt, client, endpoint, requestedModel }, finished: request };
}

/**
 * Merges rows by request id (a finished row never goes back to running) and keeps the newest
 * `capacity`, newest first by start time.
 */
export function mergeLiveRows(rows: readonly LiveRow[], incoming: readonly LiveRow[], capacity = liveCapacity): LiveRow[] {
  const byId = new Map(rows.map((row) => [row.start.requestId, row]));
  for (const row of incoming) {
    const known = byId.get(row.start.requestId);
    byId.set(row.start.requestId, known?.finished && !row.finished ? known : row);
  }
  return [...byId.values()]
    .sort((a, b) => (a.start.startedAt === b.start.startedAt ? b.start.requestId.localeCompare(a.start.requestId) : a.start.startedAt < b.start.startedAt ? 1 : -1))
    .slice(0, capacity);
}

export function createLiveSlice(api: AdminApi): StateCreator<AppState, [], [], LiveSlice> {
  return (set, get) => ({
    live: initialLive,
    async seedLive() {
      try {
        const page = await api.listRequests({}, { limit: 200 });
        get().reportReachable();
        const incoming = page.records.map((item) => rowOf(liveRequestOf(item)));
        set((state) => ({ live: { seeded: true, rows: mergeLiveRows(state.live.rows, incoming) } }));
      } catch (error) {
        get().reportFailure(error);
        set((state) => ({ live: { ...state.live, seeded: true } }));
      }
    },
    receiveRequestStarted(start) {
      set((state) => ({ live: { ...state.live, rows: mergeLiveRows(state.live.rows, [{ start, finished: null }]) } }));
    },
    receiveRequestFinished(request) {
      set((state) => ({ live: { ...state.live, rows: mergeLiveRows(state.live.rows, [rowOf(request)]) } }));
    },
  });
}

/** An audit record as a row of the request table (the audit view shares the live view's rows). */
export function liveRowOfItem(item: AuditListItem): LiveRow {
  return rowOf(liveRequestOf(item));
}
