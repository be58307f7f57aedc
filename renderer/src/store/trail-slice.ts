import type { StateCreator } from "zustand";
import type { AuditStatusView, AuditVerificationState } from "../../../shared/admin-api.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

/** The audit trail itself: its status and the latest chain verification. */
export interface TrailSlice {
  trail: { status: Loadable<AuditStatusView>; verification: AuditVerificationState | null };
  loadTrail(): Promise<void>;
  startVerification(): Promise<void>;
  receiveVerification(verification: AuditVerificationState): void;
}

export const initialTrail: TrailSlice["trail"] = { status: idle(), verification: null };

export function createTrailSlice(api: AdminApi): StateCreator<AppState, [], [], TrailSlice> {
  return (set, get) => ({
    trail: initialTrail,
    async loadTrail() {
      set((state) => ({ trail: { ...state.trail, status: loading(state.trail.status) } }));
      try {
        const [status, verification] = await Promise.all([api.auditStatus(), api.verification()]);
        get().reportReachable();
        set({ trail: { status: ready(status), verification } });
      } catch (error) {
        const described = get().reportFailure(error);
        set((state) => ({ trail: { ...state.trail, status: failed(state.trail.status, described) } }));
      }
    },
    async startVerification() {
      try {
        get().receiveVerification(await api.startVerification());
        get().reportReachable();
      } catch (error) {
        get().reportFailure(error);
      }
    },
    receiveVerification(verification) {
      const current = get().trail.verification;
      // The POST's "running" answer can arrive after the event that says the same run is done.
      if (current && isStale(verification, current)) return;
      set((state) => ({ trail: { ...state.trail, verification } }));
    },
  });
}

/** Whether `incoming` is an older picture of the same run than `current`. */
export function isStale(incoming: AuditVerificationState, current: AuditVerificationState): boolean {
  if (incoming.startedAt === null || current.startedAt === null) return false;
  if (incoming.startedAt !== current.startedAt) return incoming.startedAt < current.startedAt;
  return incoming.state === "running" && (current.state === "done" || current.state === "failed");
}
