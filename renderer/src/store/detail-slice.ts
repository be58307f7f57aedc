import type { StateCreator } from "zustand";
import type { DryRunResult, KeptContentView } from "../../../shared/admin-api.js";
import { keptRequestBody } from "./kept-document.js";
import type { AuditListItem } from "../../../shared/audit-query.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

export interface DetailSlice {
  detail: {
    requestId: string | null;
    record: Loadable<AuditListItem>;
    /** The kept text, when a logging rule kept it and it is not purged yet; null otherwise. */
    content: KeptContentView | null;
    /**
     * The kept request run through the dry run (same client, same model): its findings with
     * offsets, and the pseudonymized body the pipeline builds from it. Only for `full` content.
     */
    reconstruction: Loadable<DryRunResult>;
  };
  openDetail(requestId: string): Promise<void>;
}

export const initialDetail: DetailSlice["detail"] = { requestId: null, record: idle(), content: null, reconstruction: idle() };

export function createDetailSlice(api: AdminApi): StateCreator<AppState, [], [], DetailSlice> {
  return (set, get) => ({
    detail: initialDetail,
    async openDetail(requestId) {
      const previous = get().detail;
      const record = previous.requestId === requestId ? loading(previous.record) : loading<AuditListItem>(idle());
      const same = previous.requestId === requestId;
      set({ detail: { requestId, record, content: same ? previous.content : null, reconstruction: same ? previous.reconstruction : idle() } });
      try {
        const item = await api.getRequest(requestId);
        get().reportReachable();
        // A 404 here only means nothing was kept: the receipt says whether text was meant to be.
        const content = item.contentKept ? await api.getContent(requestId).catch(() => null) : null;
        if (get().detail.requestId !== requestId) return;
        set((state) => ({ detail: { ...state.detail, record: ready(item), content } }));
        const body = content?.level === "full" ? keptRequestBody(content.document) : null;
        if (!body) return;
        set((state) => ({ detail: { ...state.detail, reconstruction: loading(state.detail.reconstruction) } }));
        try {
          const result = await api.dryRun({ text: JSON.stringify(body), client: item.receipt.client, ...(item.receipt.requestedModel ? { model: item.receipt.requestedModel } : {}) });
          if (get().detail.requestId === requestId) set((state) => ({ detail: { ...state.detail, reconstruction: ready(result) } }));
        } catch (error) {
          const described = get().reportFailure(error);
          if (get().detail.requestId === requestId) set((state) => ({ detail: { ...state.detail, reconstruction: failed(state.detail.reconstruction, described) } }));
        }
      } catch (error) {
        const described = get().reportFailure(error);
        if (get().detail.requestId === requestId) set((state) => ({ detail: { ...state.detail, record: failed(state.detail.record, described) } }));
      }
    },
  });
}
