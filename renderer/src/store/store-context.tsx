import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { AppState } from "./app-state.js";
import type { AppStore } from "./create-app-store.js";

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useAppStore needs a StoreProvider above it.");
  return store;
}

/** Picks from the one store; pass `useShallow(selector)` for selectors that build arrays. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
