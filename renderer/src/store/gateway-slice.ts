import type { StateCreator } from "zustand";
import type { GatewayStatus, LocalOnlyState, SessionInfo } from "../../../shared/admin-api.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

/** The header's facts: the endpoint, the policy version, local-only mode, and who is signed in. */
export interface GatewaySlice {
  gateway: { status: Loadable<GatewayStatus>; session: SessionInfo | null; loggedOut: boolean };
  loadGateway(): Promise<void>;
  setLocalOnly(on: boolean): Promise<void>;
  /** From a `local-only` or `stream.open` event. */
  receiveLocalOnly(state: LocalOnlyState, policyVersion?: string): void;
  logout(): Promise<void>;
}

export const initialGateway: GatewaySlice["gateway"] = { status: idle(), session: null, loggedOut: false };

export function createGatewaySlice(api: AdminApi): StateCreator<AppState, [], [], GatewaySlice> {
  return (set, get) => ({
    gateway: initialGateway,
    async loadGateway() {
      set((state) => ({ gateway: { ...state.gateway, status: loading(state.gateway.status) } }));
      try {
        const [status, session] = await Promise.all([api.status(), api.session()]);
        get().reportReachable();
        set((state) => ({ gateway: { ...state.gateway, status: ready(status), session } }));
      } catch (error) {
        const described = get().reportFailure(error);
        set((state) => ({ gateway: { ...state.gateway, status: failed(state.gateway.status, described) } }));
      }
    },
    async setLocalOnly(on) {
      try {
        get().receiveLocalOnly(await api.setLocalOnly(on));
        get().reportReachable();
      } catch (error) {
        get().reportFailure(error);
      }
    },
    receiveLocalOnly(localOnly, policyVersion) {
      const current = get().gateway.status.data;
      if (!current) return;
      set((state) => ({ gateway: { ...state.gateway, status: ready({ ...current, localOnly, ...(policyVersion ? { policyVersion } : {}) }) } }));
    },
    async logout() {
      try {
        await api.logout();
      } catch (error) {
        get().reportFailure(error);
      }
      set((state) => ({ gateway: { ...state.gateway, session: null, loggedOut: true } }));
    },
  });
}
