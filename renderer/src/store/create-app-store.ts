import { createStore, type StoreApi } from "zustand/vanilla";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { createAuditSlice } from "./audit-slice.js";
import { createConnectionSlice } from "./connection-slice.js";
import { createDetailSlice } from "./detail-slice.js";
import { createGatewaySlice } from "./gateway-slice.js";
import { createLiveSlice } from "./live-slice.js";
import { createModelsSlice } from "./models-slice.js";
import { createOverviewSlice } from "./overview-slice.js";
import { createPolicySlice } from "./policy-slice.js";
import { createProvidersSlice } from "./providers-slice.js";
import { createTokensSlice } from "./tokens-slice.js";
import { createTrailSlice } from "./trail-slice.js";

export type AppStore = StoreApi<AppState>;

/**
 * A fresh store around one API client. The app makes one; every test makes its own, so no state
 * leaks between tests. `resetAppStore` puts a store back to its first state.
 */
export function createAppStore(api: AdminApi): AppStore {
  return createStore<AppState>()((...parts) => ({
    ...createConnectionSlice(...parts),
    ...createGatewaySlice(api)(...parts),
    ...createLiveSlice(api)(...parts),
    ...createAuditSlice(api)(...parts),
    ...createDetailSlice(api)(...parts),
    ...createOverviewSlice(api)(...parts),
    ...createModelsSlice(api)(...parts),
    ...createTrailSlice(api)(...parts),
    ...createProvidersSlice(api)(...parts),
    ...createPolicySlice(api)(...parts),
    ...createTokensSlice(api)(...parts),
  }));
}

export function resetAppStore(store: AppStore): void {
  store.setState(store.getInitialState(), true);
}
