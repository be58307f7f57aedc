import type { StateCreator } from "zustand";
import type { ProviderSettings, ProviderTestResult, ProviderView } from "../../../shared/admin-api.js";
import type { AdminApiError } from "../api/admin-error.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

export interface ProvidersSlice {
  providers: {
    list: Loadable<ProviderView[]>;
    /** The provider an action is running for. */
    pending: string | null;
    /** The last refused action, with its field messages. */
    actionError: { providerId: string; error: AdminApiError } | null;
    tests: Record<string, ProviderTestResult>;
  };
  loadProviders(): Promise<void>;
  /** Resolves true when the gateway accepted the provider. */
  saveProvider(id: string, settings: ProviderSettings): Promise<boolean>;
  removeProvider(id: string): Promise<boolean>;
  /** The value goes to the gateway once and is dropped here; only `configured` comes back. */
  setProviderKey(id: string, value: string): Promise<boolean>;
  deleteProviderKey(id: string): Promise<boolean>;
  testProvider(id: string): Promise<void>;
}

export const initialProviders: ProvidersSlice["providers"] = { list: idle(), pending: null, actionError: null, tests: {} };

export function createProvidersSlice(api: AdminApi): StateCreator<AppState, [], [], ProvidersSlice> {
  return (set, get) => {
    async function act(providerId: string, action: () => Promise<unknown>): Promise<boolean> {
      set((state) => ({ providers: { ...state.providers, pending: providerId, actionError: null } }));
      try {
        await action();
        get().reportReachable();
        set((state) => ({ providers: { ...state.providers, pending: null } }));
        await get().loadProviders();
        return true;
      } catch (error) {
        const described = get().reportFailure(error);
        set((state) => ({ providers: { ...state.providers, pending: null, actionError: { providerId, error: described } } }));
        return false;
      }
    }
    return {
      providers: initialProviders,
      async loadProviders() {
        set((state) => ({ providers: { ...state.providers, list: loading(state.providers.list) } }));
        try {
          const { providers } = await api.providers();
          get().reportReachable();
          set((state) => ({ providers: { ...state.providers, list: ready(providers) } }));
        } catch (error) {
          const described = get().reportFailure(error);
          set((state) => ({ providers: { ...state.providers, list: failed(state.providers.list, described) } }));
        }
      },
      saveProvider: (id, settings) => act(id, () => api.saveProvider(id, settings)),
      removeProvider: (id) => act(id, () => api.removeProvider(id)),
      setProviderKey: (id, value) => act(id, () => api.setProviderKey(id, value)),
      deleteProviderKey: (id) => act(id, () => api.deleteProviderKey(id)),
      async testProvider(id) {
        set((state) => ({ providers: { ...state.providers, pending: id, actionError: null } }));
        try {
          const result = await api.testProvider(id);
          get().reportReachable();
          set((state) => ({ providers: { ...state.providers, pending: null, tests: { ...state.providers.tests, [id]: result } } }));
        } catch (error) {
          const described = get().reportFailure(error);
          set((state) => ({ providers: { ...state.providers, pending: null, actionError: { providerId: id, error: described } } }));
        }
      },
    };
  };
}
