import type { StateCreator } from "zustand";
import type { ModelEvent } from "../../../shared/admin-api.js";
import type { ModelsOverview } from "../../../shared/local-models.js";
import type { AdminApiError } from "../api/admin-error.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

export interface ModelsSlice {
  models: {
    overview: Loadable<ModelsOverview>;
    pending: string | null;
    actionError: AdminApiError | null;
    /** The latest pushed state per model id (download progress between reloads). */
    events: Record<string, ModelEvent>;
  };
  loadModels(): Promise<void>;
  /** The gateway pushed a model's new state (download progress, loading, ready, error). */
  receiveModelEvent(event: ModelEvent): void;
  pullModel(id: string, options?: { acceptUnpinned?: boolean }): Promise<void>;
  cancelPull(id: string): Promise<void>;
  removeModel(id: string): Promise<void>;
  useModel(id: string): Promise<void>;
}

export const initialModels: ModelsSlice["models"] = { overview: idle(), pending: null, actionError: null, events: {} };

export function createModelsSlice(api: AdminApi): StateCreator<AppState, [], [], ModelsSlice> {
  return (set, get) => {
    /** Runs one model action; the gateway's answer (or the next event) is the new truth. */
    async function act(id: string, action: () => Promise<unknown>): Promise<void> {
      set((state) => ({ models: { ...state.models, pending: id, actionError: null } }));
      try {
        await action();
        get().reportReachable();
        set((state) => ({ models: { ...state.models, pending: null } }));
        await get().loadModels();
      } catch (error) {
        const described = get().reportFailure(error);
        set((state) => ({ models: { ...state.models, pending: null, actionError: described } }));
      }
    }
    return {
      models: initialModels,
      async loadModels() {
        set((state) => ({ models: { ...state.models, overview: loading(state.models.overview) } }));
        try {
          const overview = await api.models();
          get().reportReachable();
          set((state) => ({ models: { ...state.models, overview: ready(overview) } }));
        } catch (error) {
          const described = get().reportFailure(error);
          set((state) => ({ models: { ...state.models, overview: failed(state.models.overview, described) } }));
        }
      },
      receiveModelEvent(event) {
        const previous = get().models.events[event.modelId];
        set((state) => ({ models: { ...state.models, events: { ...state.models.events, [event.modelId]: event } } }));
        // Progress ticks only move the bar; a change of state is worth asking the gateway again.
        if (previous?.state !== event.state && get().models.overview.status !== "idle") void get().loadModels();
      },
      pullModel: (id, options) => act(id, () => api.pullModel(id, options)),
      cancelPull: (id) => act(id, () => api.cancelPull(id)),
      removeModel: (id) => act(id, () => api.removeModel(id)),
      useModel: (id) => act(id, () => api.useModel(id)),
    };
  };
}
