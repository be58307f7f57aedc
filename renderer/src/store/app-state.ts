import type { AuditSlice } from "./audit-slice.js";
import type { ConnectionSlice } from "./connection-slice.js";
import type { DetailSlice } from "./detail-slice.js";
import type { GatewaySlice } from "./gateway-slice.js";
import type { LiveSlice } from "./live-slice.js";
import type { ModelsSlice } from "./models-slice.js";
import type { OverviewSlice } from "./overview-slice.js";
import type { PolicySlice } from "./policy-slice.js";
import type { ProvidersSlice } from "./providers-slice.js";
import type { TokensSlice } from "./tokens-slice.js";
import type { TrailSlice } from "./trail-slice.js";

/** The whole UI state: one store, one typed slice per concern (each in its own file). */
export type AppState = ConnectionSlice &
  GatewaySlice &
  LiveSlice &
  AuditSlice &
  TrailSlice &
  DetailSlice &
  OverviewSlice &
  ProvidersSlice &
  PolicySlice &
  ModelsSlice &
  TokensSlice;
