import type {
  ApplyResult,
  AuditStatusView,
  AuditVerificationState,
  ConfigDocument,
  ConfigSaved,
  ConfigUpdate,
  ConfigValidation,
  DryRunRequest,
  DryRunResult,
  ExportTicket,
  GatewayStatus,
  KeyStatus,
  KeptContentView,
  LocalOnlyState,
  ProviderList,
  ProviderSaved,
  ProviderSettings,
  ProviderTestResult,
  SessionInfo,
  SummarySeries,
  TokenCreated,
  TokenList,
} from "../../../shared/admin-api.js";
import type { AuditFilter, AuditListItem, AuditPage, AuditPageRequest, AuditSummary } from "../../../shared/audit-query.js";
import type { ModelsOverview } from "../../../shared/local-models.js";
import { httpJson, queryString } from "./http-json.js";
import { forgetSessionSecret } from "./session-secret.js";

/**
 * Every call the UI makes, as one object the store is given: tests hand the store a fake, the
 * app hands it the HTTP client. Paths and types follow shared/admin-api.ts.
 */
export interface AdminApi {
  session(): Promise<SessionInfo>;
  logout(): Promise<void>;
  status(): Promise<GatewayStatus>;
  setLocalOnly(on: boolean): Promise<LocalOnlyState>;
  listRequests(filter: AuditFilter, page: AuditPageRequest, signal?: AbortSignal): Promise<AuditPage>;
  getRequest(requestId: string): Promise<AuditListItem>;
  getContent(requestId: string): Promise<KeptContentView>;
  summary(filter: AuditFilter): Promise<AuditSummary>;
  series(bucket: "hour" | "day", since: string, until: string): Promise<SummarySeries>;
  auditStatus(): Promise<AuditStatusView>;
  verification(): Promise<AuditVerificationState>;
  startVerification(): Promise<AuditVerificationState>;
  providers(): Promise<ProviderList>;
  saveProvider(id: string, settings: ProviderSettings): Promise<ProviderSaved>;
  removeProvider(id: string): Promise<ApplyResult>;
  setProviderKey(id: string, value: string): Promise<KeyStatus>;
  deleteProviderKey(id: string): Promise<KeyStatus>;
  testProvider(id: string): Promise<ProviderTestResult>;
  config(): Promise<ConfigDocument>;
  saveConfig(update: ConfigUpdate): Promise<ConfigSaved>;
  validateConfig(update: ConfigUpdate): Promise<ConfigValidation>;
  dryRun(request: DryRunRequest): Promise<DryRunResult>;
  tokens(): Promise<TokenList>;
  createToken(name: string, admin: boolean): Promise<TokenCreated>;
  revokeToken(name: string): Promise<void>;
  models(): Promise<ModelsOverview>;
  /** `acceptUnpinned`: the user confirmed downloading a model the catalogue has no pinned hash for. */
  pullModel(id: string, options?: { acceptUnpinned?: boolean }): Promise<unknown>;
  cancelPull(id: string): Promise<unknown>;
  removeModel(id: string): Promise<unknown>;
  useModel(id: string): Promise<unknown>;
}

const prefix = "/admin/v1";
const segment = encodeURIComponent;

/**
 * Downloads an export. A download cannot send the session header, and reading a large export
 * into the page would hold all of it in memory, so the page asks for a single-use ticket and
 * lets the browser download the ticket's link (it streams straight to disk, with the cookie).
 */
export async function downloadExport(format: "jsonl" | "csv", filter: AuditFilter): Promise<void> {
  const ticket = await httpJson<ExportTicket>("POST", `${prefix}/export/ticket`, { format, ...(filter.since ? { since: filter.since } : {}), ...(filter.until ? { until: filter.until } : {}) });
  const link = document.createElement("a");
  link.href = ticket.href;
  link.download = "";
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

export function createHttpAdminApi(): AdminApi {
  return {
    session: () => httpJson("GET", `${prefix}/session`),
    logout: async () => {
      try {
        await httpJson("POST", `${prefix}/logout`, {});
      } finally {
        forgetSessionSecret();
      }
    },
    status: () => httpJson("GET", `${prefix}/status`),
    setLocalOnly: (on) => httpJson("PUT", `${prefix}/local-only`, { on }),
    listRequests: (filter, page, signal) => httpJson("GET", `${prefix}/requests${queryString({ ...filter, ...page })}`, undefined, signal),
    getRequest: (requestId) => httpJson("GET", `${prefix}/requests/${segment(requestId)}`),
    getContent: (requestId) => httpJson("GET", `${prefix}/requests/${segment(requestId)}/content`),
    summary: (filter) => httpJson("GET", `${prefix}/summary${queryString({ ...filter })}`),
    series: (bucket, since, until) => httpJson("GET", `${prefix}/summary/series${queryString({ bucket, since, until })}`),
    auditStatus: () => httpJson("GET", `${prefix}/audit/status`),
    verification: () => httpJson("GET", `${prefix}/audit/verify`),
    startVerification: () => httpJson("POST", `${prefix}/audit/verify`, {}),
    providers: () => httpJson("GET", `${prefix}/providers`),
    saveProvider: (id, settings) => httpJson("PUT", `${prefix}/providers/${segment(id)}`, settings),
    removeProvider: (id) => httpJson("DELETE", `${prefix}/providers/${segment(id)}`),
    setProviderKey: (id, value) => httpJson("PUT", `${prefix}/providers/${segment(id)}/key`, { value }),
    deleteProviderKey: (id) => httpJson("DELETE", `${prefix}/providers/${segment(id)}/key`),
    testProvider: (id) => httpJson("POST", `${prefix}/providers/${segment(id)}/test`, {}),
    config: () => httpJson("GET", `${prefix}/config`),
    saveConfig: (update) => httpJson("PUT", `${prefix}/config`, update),
    validateConfig: (update) => httpJson("POST", `${prefix}/config/validate`, update),
    dryRun: (request) => httpJson("POST", `${prefix}/dry-run`, request),
    tokens: () => httpJson("GET", `${prefix}/tokens`),
    createToken: (name, admin) => httpJson("POST", `${prefix}/tokens`, { name, admin }),
    revokeToken: (name) => httpJson("DELETE", `${prefix}/tokens/${segment(name)}`),
    models: () => httpJson("GET", `${prefix}/models`),
    pullModel: (id, options) => httpJson("POST", `${prefix}/models/${segment(id)}/pull`, options?.acceptUnpinned ? { acceptUnpinned: true } : {}),
    cancelPull: (id) => httpJson("DELETE", `${prefix}/models/${segment(id)}/pull`),
    removeModel: (id) => httpJson("DELETE", `${prefix}/models/${segment(id)}`),
    useModel: (id) => httpJson("PUT", `${prefix}/models/active`, { id }),
  };
}
