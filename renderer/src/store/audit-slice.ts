import type { StateCreator } from "zustand";
import type { AuditFilter, AuditListItem } from "../../../shared/audit-query.js";
import type { AdminApiError } from "../api/admin-error.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";

export const auditPageSize = 200;

export interface AuditSlice {
  audit: {
    filter: AuditFilter;
    /** Loaded so far, newest first; more come page by page as the table scrolls. */
    records: AuditListItem[];
    nextBefore: number | null;
    status: "idle" | "loading" | "loading-more" | "ready" | "error";
    error: AdminApiError | null;
    /** Bumped by every new query, so an answer to an older one is dropped. */
    generation: number;
  };
  /** Replaces the filter and loads its first page. */
  setAuditFilter(filter: AuditFilter): Promise<void>;
  reloadAudit(): Promise<void>;
  loadMoreAudit(): Promise<void>;
}

export const initialAudit: AuditSlice["audit"] = { filter: {}, records: [], nextBefore: null, status: "idle", error: null, generation: 0 };

/** Drops empty fields, so `{ client: "" }` and `{}` are the same question. */
export function normalizeFilter(filter: AuditFilter): AuditFilter {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === "string" && value.trim() !== "") normalized[name] = value.trim();
  }
  return normalized as AuditFilter;
}

export function createAuditSlice(api: AdminApi): StateCreator<AppState, [], [], AuditSlice> {
  async function loadFirstPage(get: () => AppState, set: (partial: (state: AppState) => Partial<AppState>) => void, filter: AuditFilter): Promise<void> {
    const generation = get().audit.generation + 1;
    set((state) => ({ audit: { ...state.audit, filter, records: [], nextBefore: null, status: "loading", error: null, generation } }));
    try {
      const page = await api.listRequests(filter, { limit: auditPageSize });
      get().reportReachable();
      if (get().audit.generation !== generation) return;
      set((state) => ({ audit: { ...state.audit, records: page.records, nextBefore: page.nextBefore, status: "ready" } }));
    } catch (error) {
      const described = get().reportFailure(error);
      if (get().audit.generation !== generation) return;
      set((state) => ({ audit: { ...state.audit, status: "error", error: described } }));
    }
  }

  return (set, get) => ({
    audit: initialAudit,
    setAuditFilter: (filter) => loadFirstPage(get, set, normalizeFilter(filter)),
    reloadAudit: () => loadFirstPage(get, set, get().audit.filter),
    async loadMoreAudit() {
      const { audit } = get();
      if (audit.nextBefore === null || audit.status !== "ready") return;
      const generation = audit.generation;
      set((state) => ({ audit: { ...state.audit, status: "loading-more" } }));
      try {
        const page = await api.listRequests(audit.filter, { limit: auditPageSize, before: audit.nextBefore });
        get().reportReachable();
        if (get().audit.generation !== generation) return;
        set((state) => ({ audit: { ...state.audit, records: [...state.audit.records, ...page.records], nextBefore: page.nextBefore, status: "ready" } }));
      } catch (error) {
        const described = get().reportFailure(error);
        if (get().audit.generation !== generation) return;
        set((state) => ({ audit: { ...state.audit, status: "error", error: described } }));
      }
    },
  });
}
