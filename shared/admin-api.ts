import { z } from "zod";
import type { AuditListItem, AuditPage, AuditSummary } from "./audit-query.js";
import type { FindingType } from "./findings.js";
import type { Route } from "./provenance.js";
import type { ReceiptStatus } from "./receipt.js";

/**
 * The admin API: what the UI (renderer/) and scripts ask the gateway, on the gateway's own port.
 * The renderer imports these types; the gateway validates what it receives with the schemas.
 *
 * Access
 * - The UI signs in with a one-time login URL (`privacy-router serve` and `privacy-router
 *   login` print it): `GET /login?token=…` sets the session cookie and answers 303 to
 *   `/#session=<page secret>`. The page keeps that secret in `sessionStorage` (its own origin,
 *   port included) and sends it as `x-privacy-router-session` on every admin call.
 *   Sessions end after 30 minutes without a request, 12 hours after sign-in at the latest, or
 *   with `POST /admin/v1/logout`.
 * - Every `/admin/*` request needs the session header together with its cookie, or
 *   `Authorization: Bearer <admin token>` (`privacy-router tokens create <name> --admin`). The
 *   cookie alone is not enough: browsers send it to every port of 127.0.0.1. Client tokens are
 *   refused (403 `admin_required`); nothing at all gives 401 `login_required`.
 * - With the cookie, a request other than GET/HEAD must carry `Origin` equal to the gateway's
 *   own origin (`http://<the Host it was sent to>`), else 403 `forbidden_origin`. Bodies are
 *   `application/json`. There are no CORS headers, ever. `fetch` from the UI: same origin,
 *   `credentials: "same-origin"` (the default), `Content-Type: application/json`.
 * - The UI's static files (`/`, `/assets/*`) load without a session; every data call needs one.
 *   The UI routes with the hash (`/#/audit`): any other path is a 404 at the gateway.
 * - The page is served with `Content-Security-Policy: default-src 'self'; script-src 'self';
 *   style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';
 *   base-uri 'none'; form-action 'self'`: no inline scripts, no `<style>` blocks or `style="…"`
 *   in HTML (React's `style` prop sets styles through the DOM and is fine), no remote fonts.
 *
 * Errors: the OpenAI error shape with a status, `{"error":{"message","type","param","code"}}`
 * (`ErrorBody`). Validation failures of config or providers add `issues` (`ValidationErrorBody`).
 *
 * Times are ISO 8601 UTC strings. Money is USD. Nothing here ever carries a provider key, a
 * client token (except once, in the answer that creates it), or a request's text (except kept
 * content, where a logging rule keeps it, and the dry run's own input).
 */

// ───────────────────────────── common ─────────────────────────────

export const adminApiPrefix = "/admin/v1";

/** Every error answer. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

/** A field-level validation message. `path` names the field as in config.yaml (`policy.classes.health`, `providers[0].baseUrl`). */
export interface ValidationIssue {
  path: string;
  message: string;
  /** 1-based line in the submitted YAML text, when the field can be found there. */
  line?: number;
}

/** 400 `invalid_config`: the submitted config or provider was not applied. */
export interface ValidationErrorBody extends ErrorBody {
  issues: ValidationIssue[];
}

/** What a change that went live did. */
export interface ApplyResult {
  /** The policy version new requests are decided under (the `x-privacy-router-policy` header). */
  policyVersion: string;
  /** Settings saved but not live until the gateway restarts (`server`, `local`, `logging.level`). */
  restartRequired: string[];
}

// ───────────────────────────── session ─────────────────────────────

/**
 * GET /login?token=<one-time token>            (a page, not JSON)
 *   303 to `/#session=<page secret>` with `Set-Cookie: privacy_router_session_<port>=…;
 *   HttpOnly; SameSite=Strict; Path=/`. The two are different random values; a session call
 *   needs both (header `x-privacy-router-session: <page secret>`, and the cookie).
 *   A used, expired or unknown token: 400 (or 410) HTML saying to run `privacy-router login`.
 *
 * GET /admin/v1/session                        → SessionInfo
 * POST /admin/v1/logout                        → 204; the session ends and its cookie is cleared.
 */
export interface SessionInfo {
  /** `session`: the UI's cookie; `token`: an admin token (a script). */
  kind: "session" | "token";
  /** The admin token's name, or `ui` for a session. */
  name: string;
  /** When the session ends unless used again; null for a token. */
  expiresAt: string | null;
  idleTimeoutSeconds: number | null;
}

export const sessionCookiePrefix = "privacy_router_session_";
/** The header that carries the page secret; a custom header also makes every call need a CORS preflight, which is never granted. */
export const sessionHeaderName = "x-privacy-router-session";
/** The fragment key the login redirect hands the page secret in (`/#session=…`): fragments never reach a server. */
export const sessionFragmentKey = "session";
export const loginTokenLifetimeSeconds = 5 * 60;
export const sessionIdleTimeoutSeconds = 30 * 60;
/** However busy, a session ends this long after sign-in. */
export const sessionAbsoluteLifetimeSeconds = 12 * 60 * 60;
/** How long a download ticket (see `ExportTicket`) may wait to be used. */
export const downloadTicketLifetimeSeconds = 60;

/**
 * POST /admin/v1/export/ticket   ExportTicketBody  → ExportTicket
 *   A download cannot carry the session header, so the UI first asks for a single-use ticket,
 *   then lets the browser download `href` (the ticket plus the same session's cookie; one use,
 *   within `downloadTicketLifetimeSeconds`). Scripts call `GET /admin/v1/export` with their token.
 */
export const exportTicketBodySchema = z.strictObject({
  format: z.enum(["jsonl", "csv"]),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
});
export type ExportTicketBody = z.infer<typeof exportTicketBodySchema>;
export interface ExportTicket {
  /** `/admin/v1/export?format=…&ticket=…`, on the gateway's own origin. */
  href: string;
  expiresAt: string;
}

// ───────────────────────────── gateway status ─────────────────────────────

/** GET /admin/v1/status → GatewayStatus: the header of every view. */
export interface GatewayStatus {
  version: string;
  /** The OpenAI-compatible endpoint, e.g. `http://127.0.0.1:8484/v1`. */
  endpoint: string;
  policyVersion: string;
  localOnly: LocalOnlyState;
  /** `local.model` from config (a path or catalogue id); null when none is configured. */
  localModel: string | null;
  providers: number;
  startedAt: string;
  /** Spend against `routing.budgets` (the Overview's budget meter). */
  budgets: BudgetStatus;
}

// Added for the Overview's "spend vs budget": the caps of `routing.budgets` with what the gateway
// has counted against each, so the UI shows the same numbers the routing decision checks.

/** One cap of `routing.budgets` and the spend counted against it, for the current UTC day or month. */
export interface BudgetMeter {
  /** The provider id for a per-provider cap; null for the total across providers. */
  provider: string | null;
  period: "day" | "month";
  capUsd: number;
  spentUsd: number;
}

export interface BudgetStatus {
  /** Past a cap: answer locally, or refuse (`routing.budgets.whenExceeded`). */
  whenExceeded: "local" | "block";
  /** One per configured cap, totals first; empty when no budget is set. */
  meters: BudgetMeter[];
}

/**
 * GET /admin/v1/local-only                      → LocalOnlyState
 * PUT /admin/v1/local-only   LocalOnlyBody      → LocalOnlyState   (publishes a `local-only` event)
 */
export interface LocalOnlyState {
  on: boolean;
  /** `policy.localOnly: true` in config: the switch cannot turn cloud traffic back on. */
  forcedByConfig: boolean;
}
export const localOnlyBodySchema = z.strictObject({ on: z.boolean() });
export type LocalOnlyBody = z.infer<typeof localOnlyBodySchema>;

// ───────────────────────────── event stream ─────────────────────────────

/**
 * GET /admin/v1/events                         → `text/event-stream`
 *
 * Every message is an unnamed SSE event (`data:` only; the UI reads it with `fetch` and an SSE parser, since it must send the session header)
 * whose JSON is one `AdminEvent`, told apart by `type`; `id:` counts up per connection. The
 * first message is `stream.open`. A comment line (`: ping`) comes every 15 seconds. A client
 * that falls more than a bounded number of events behind is disconnected (requests are never
 * slowed for it): the UI reconnects, and on `stream.open` the UI re-fetches
 * what it shows, since events sent while it was away are not replayed.
 *
 * Gateway code publishes with `adminEvents.publish(event)` on the `AdminEventBus` in
 * gateway/server/admin-events.ts (start-gateway creates one and hands it to whoever publishes;
 * the model manager publishes `model` events there).
 */
export type AdminEvent =
  | StreamOpenEvent
  | RequestStartedEvent
  | RequestFinishedEvent
  | LocalOnlyEvent
  | ConfigEvent
  | ModelEvent
  | AuditVerifyEvent;

export interface StreamOpenEvent {
  type: "stream.open";
  policyVersion: string;
  localOnly: LocalOnlyState;
}

/** A request got its row: it was authenticated and is being handled. */
export interface RequestStartedEvent {
  type: "request.started";
  request: LiveRequestStart;
}

export interface LiveRequestStart {
  requestId: string;
  startedAt: string;
  /** The client token's name. */
  client: string;
  endpoint: string;
  /** As the client asked; null when not read yet or when it looked like data. */
  requestedModel: string | null;
}

/** A request ended (answered, blocked, failed…) and its audit record is written. */
export interface RequestFinishedEvent {
  type: "request.finished";
  request: LiveRequest;
}

/** One row of the Live view: the record's facts, no text. `requestId` is the `x-privacy-router-request-id` header. */
export interface LiveRequest {
  requestId: string;
  startedAt: string;
  finishedAt: string | null;
  client: string;
  endpoint: string;
  requestedModel: string | null;
  route: Route;
  /** `forward`, `pseudonymize`, `local-only`, `block`; null when refused before a decision. */
  action: string | null;
  /** The provider id that answered, `local`, or `none`. */
  provider: string;
  model: string | null;
  status: ReceiptStatus;
  httpStatus: number | null;
  errorCode: string | null;
  /** Values replaced by placeholders before the request left. */
  redactions: number;
  /** Findings in the request, by type (counts). */
  findings: Partial<Record<FindingType, number>>;
  latencyMs: number | null;
  tokens: { prompt: number; completion: number } | null;
  costUsd: number | null;
  policyVersion: string;
}

export interface LocalOnlyEvent {
  type: "local-only";
  state: LocalOnlyState;
}

/** The live configuration changed: re-fetch config, providers and status. */
export interface ConfigEvent {
  type: "config";
  policyVersion: string;
  /** What changed: the config text, a provider, or a provider key (the key itself is never sent). */
  change: "config" | "provider" | "key";
  /** The provider concerned, for `provider` and `key`. */
  providerId: string | null;
}

/** The local model's state, published by the model manager (model-management endpoints: `/admin/v1/models…`). */
export interface ModelEvent {
  type: "model";
  /** Catalogue id or file name. */
  modelId: string;
  /** `installed`: a download finished; `unloaded`: freed after `local.idleUnloadSeconds`; `server`: a local server answers. */
  state: "not-configured" | "not-downloaded" | "downloading" | "verifying" | "installed" | "idle" | "loading" | "ready" | "unloaded" | "server" | "error" | "removed";
  /** While downloading. */
  receivedBytes?: number;
  totalBytes?: number;
  bytesPerSecond?: number;
  /** For `ready`: generation speed over recent answers. */
  tokensPerSecond?: number;
  /** True when this is the model that answers local requests. */
  active?: boolean;
  /** For `error`: what happened and what to do. */
  message?: string;
}

/** A trail verification started with POST /admin/v1/audit/verify moved on. */
export interface AuditVerifyEvent {
  type: "audit.verify";
  verification: AuditVerificationState;
}

// ───────────────────────────── providers and keys ─────────────────────────────

/**
 * GET    /admin/v1/providers                    → ProviderList
 * PUT    /admin/v1/providers/:id   ProviderSettings → ProviderSaved     (adds or replaces; 400 ValidationErrorBody)
 * DELETE /admin/v1/providers/:id                → ApplyResult            (400 ValidationErrorBody when routing or an alias still names it)
 * PUT    /admin/v1/providers/:id/key  ProviderKeyBody → KeyStatus        (stored in the OS keychain; 503 `keychain_unavailable`)
 * DELETE /admin/v1/providers/:id/key            → KeyStatus
 * POST   /admin/v1/providers/:id/test           → ProviderTestResult     (lists the provider's models through the egress gate)
 *
 * Saving a provider writes config.yaml and applies it live, like PUT /admin/v1/config; it
 * publishes a `config` event. The key is never in any answer: only whether one is set, and where from.
 */
export interface ProviderList {
  providers: ProviderView[];
}

export const providerKinds = ["openai", "anthropic", "openai-compatible"] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** A model a provider serves, with its prices per million tokens (for costs and budgets). */
export type ProviderModelEntry = string | { id: string; inputPerMillion?: number; outputPerMillion?: number };

export interface ProviderDataPolicy {
  /** Days the provider keeps prompts; null when unknown (taken as the loosest). */
  retentionDays: number | null;
  trainsOnData: boolean;
  zeroDataRetention: boolean;
  /** e.g. `eu`, `us`; null when unknown. */
  region: string | null;
}

/**
 * The body of PUT /admin/v1/providers/:id: a `providers[]` entry of config.yaml without its
 * `id` (the path gives it). The gateway validates it with the config schema, so messages name
 * the field as in config.yaml (`providers[2].baseUrl`).
 */
export interface ProviderSettings {
  kind: ProviderKind;
  baseUrl: string;
  models: ProviderModelEntry[];
  /** Omitted: unknown terms, taken as the loosest (keeps data, trains on it). */
  dataPolicy?: Partial<ProviderDataPolicy>;
}

export interface ProviderView {
  id: string;
  kind: ProviderKind;
  baseUrl: string;
  models: ProviderModelEntry[];
  dataPolicy: ProviderDataPolicy;
  /** False for a kind the gateway cannot send to yet: such a provider is never a destination. */
  supported: boolean;
  key: KeyStatus;
}

export interface ProviderSaved {
  provider: ProviderView;
  applied: ApplyResult;
}

export interface KeyStatus {
  configured: boolean;
  /** `environment` (`PRIVACY_ROUTER_KEY_<ID>`) wins over the keychain. */
  source: "keychain" | "environment" | null;
  /** The variable that would override the keychain. */
  environmentVariable: string;
  /** Why the keychain could not be read, when it could not. */
  problem: string | null;
}

export const providerKeyBodySchema = z.strictObject({ value: z.string().min(1).max(4096) });
export type ProviderKeyBody = z.infer<typeof providerKeyBodySchema>;

export interface ProviderTestResult {
  ok: boolean;
  /** The provider's HTTP status; null when it could not be reached. */
  status: number | null;
  /** What happened, in words (never the key). */
  message: string;
  latencyMs: number;
  /** Model ids the provider listed, when it did. */
  models: string[];
}

// ───────────────────────────── config and policy ─────────────────────────────

/**
 * GET  /admin/v1/config                         → ConfigDocument
 * PUT  /admin/v1/config           ConfigUpdate  → ConfigSaved           (400 ValidationErrorBody; 409 `config_changed`)
 * POST /admin/v1/config/validate  ConfigUpdate  → ConfigValidation      (checks only; nothing is written)
 *
 * PUT validates the YAML with the gateway's own loader, writes config.yaml atomically (the
 * previous one is kept as config.yaml.bak) and applies it at once: new requests use the new
 * policy, requests in flight finish under the old one. Publishes a `config` event.
 */
export interface ConfigDocument {
  /** config.yaml as it is on disk; empty when none exists (built-in defaults). */
  text: string;
  /** SHA-256 of `text`: send it back as `baseRevision` so a concurrent edit is not overwritten. */
  revision: string;
  policyVersion: string;
  /** Where it is saved. */
  path: string;
}

export const configUpdateSchema = z.strictObject({
  text: z.string().max(1024 * 1024),
  /** The `revision` the edit started from; a different file on disk answers 409 `config_changed`. */
  baseRevision: z.string().optional(),
});
export type ConfigUpdate = z.infer<typeof configUpdateSchema>;

export interface ConfigSaved extends ApplyResult {
  revision: string;
}

export interface ConfigValidation {
  ok: boolean;
  issues: ValidationIssue[];
  /** The policy version the text would give, when valid. */
  policyVersion: string | null;
}

// ───────────────────────────── dry run ─────────────────────────────

/**
 * POST /admin/v1/dry-run   DryRunRequest         → DryRunResult
 *
 * What the gateway would do with a request (the same code as `privacy-router explain`):
 * nothing is sent, no model runs, no record is written.
 */
export const dryRunRequestSchema = z.strictObject({
  /** Plain text (one user message) or a chat completion request as JSON. */
  text: z.string().min(1).max(256 * 1024),
  /** `auto` by default. */
  model: z.string().min(1).max(200).optional(),
  /** Placeholders are keyed per client: name a client token to see its exact bytes. */
  client: z.string().min(1).max(64).optional(),
});
export type DryRunRequest = z.infer<typeof dryRunRequestSchema>;

export interface DryRunFinding {
  /** The field: `messages[0].content`, `tools[1].function.description`… */
  path: string;
  /** UTF-16 offsets into that field's text, end exclusive. */
  start: number;
  end: number;
  type: FindingType;
  score: number;
  detector: string;
}

export interface DryRunResult {
  findings: DryRunFinding[];
  decision: {
    route: Route;
    action: string;
    /** Set when the route is `cloud`. */
    provider: string | null;
    model: string | null;
    reasons: Array<{ code: string; message: string }>;
    policyVersion: string;
    classes: string[];
    difficulty: number;
    tier: "weak" | "strong" | null;
  };
  redactions: number;
  /** Exactly what would be sent (URL and JSON body, pseudonymized); null when nothing would leave. */
  outbound: { url: string; body: unknown } | null;
}

// ───────────────────────────── client tokens ─────────────────────────────

/**
 * GET    /admin/v1/tokens                       → TokenList              (never a token value)
 * POST   /admin/v1/tokens   TokenCreateBody     → 201 TokenCreated       (the token, this once; 409 `conflict`)
 * DELETE /admin/v1/tokens/:name                 → 204                    (404 when no live token has that name)
 */
export interface TokenList {
  tokens: TokenSummary[];
}
export interface TokenSummary {
  name: string;
  admin: boolean;
  createdAt: string;
  revokedAt: string | null;
}
export const tokenCreateBodySchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "1-64 letters, digits, '.', '_' or '-'"),
  admin: z.boolean().optional(),
});
export type TokenCreateBody = z.infer<typeof tokenCreateBodySchema>;
export interface TokenCreated {
  name: string;
  admin: boolean;
  /** Shown once; the gateway keeps only its hash. */
  token: string;
}

// ───────────────────────────── audit ─────────────────────────────

/**
 * GET /admin/v1/requests?route=&provider=&client=&status=&findingType=&since=&until=&before=&limit=
 *                                              → AuditPage (shared/audit-query.ts; newest first, keyset pages via `nextBefore`)
 * GET /admin/v1/requests/:id                   → AuditListItem (the receipt; 404 when not recorded)
 * GET /admin/v1/requests/:id/content           → KeptContentView (404 when no text is kept for it)
 * GET /admin/v1/summary?<same filters>         → AuditSummary
 * GET /admin/v1/summary/series?bucket=hour|day&since=&until=   → SummarySeries (default: day buckets over the last 30 days)
 * GET /admin/v1/export?format=jsonl|csv&since=&until=          → a file download (streamed; JSONL is signed and sealed,
 *                                                                 checkable offline with `privacy-router audit verify FILE`)
 * GET /admin/v1/audit/status                   → AuditStatusView
 * POST /admin/v1/audit/verify                  → 202 AuditVerificationState (starts one, or returns the one running)
 * GET /admin/v1/audit/verify                   → AuditVerificationState (the latest)
 *   Verification runs beside requests, never blocking them; progress and the result also come
 *   as `audit.verify` events.
 */
export type { AuditListItem, AuditPage, AuditSummary };

export interface KeptContentView {
  requestId: string;
  /** `full`: as sent and answered; `pseudonymized`: every finding masked by type (`[EMAIL]`). */
  level: "pseudonymized" | "full";
  /** The kept request (and answer) as recorded: `{"request":{"messages",…},"response":…}`. */
  document: unknown;
  expiresAt: string;
}

export interface SummarySeries {
  bucket: "hour" | "day";
  since: string;
  until: string;
  points: SeriesPoint[];
  /** The cloud model whose prices value the local answers (`routing.strong`); null when it has none. */
  savingsPricedAs: string | null;
}

export interface SeriesPoint {
  /** The bucket's first moment. */
  start: string;
  requests: number;
  local: number;
  cloud: number;
  blocked: number;
  /** Findings by type in the bucket's requests (each becomes a redaction when it goes to the cloud pseudonymized). */
  findingsByType: Partial<Record<FindingType, number>>;
  /** Spent on cloud providers, from the configured prices. */
  costUsd: number;
  /** What the local answers would have cost at `savingsPricedAs`'s prices; null when unpriced. */
  estimatedSavingsUsd: number | null;
  promptTokens: number;
  completionTokens: number;
}

export interface AuditStatusView {
  chainId: string | null;
  records: number;
  firstRecordAt: string | null;
  lastRecordAt: string | null;
  keyStorage: "keychain" | "file" | null;
  keyFingerprint: string | null;
  keyAvailable: boolean;
  keyProblem: string | null;
  keyWarning: string | null;
  headFile: { state: "missing" | "unreadable" | "present"; seq: number | null; signedAt: string | null };
  contentKept: number;
}

export interface AuditVerificationState {
  state: "idle" | "running" | "done" | "failed";
  startedAt: string | null;
  finishedAt: string | null;
  /** Set when `done`. */
  result: AuditVerificationResult | null;
  /** Set when `failed`: why the check itself could not run. */
  error: string | null;
}

export interface AuditVerificationResult {
  ok: boolean;
  records: number;
  keyFingerprint: string | null;
  anchors: Array<"file" | "keychain">;
  incidents: number;
  /** The first broken record, when one can be named. */
  firstBroken: { seq: number | null; requestId: string | null; problem: string } | null;
  problems: Array<{ seq: number | null; requestId: string | null; problem: string }>;
  moreProblems: boolean;
}

// ───────────────────────────── local models (model-management section) ─────────────────────────────

/**
 * GET    /admin/v1/models                      → ModelsOverview   (active state, catalogue with installed flags and download progress)
 * POST   /admin/v1/models/:id/pull             → 202 ModelPullAccepted (200 when already installed; 404 `model_unknown`)
 * DELETE /admin/v1/models/:id/pull             → { id, cancelled: true } (the partial file stays; a new pull resumes)
 * DELETE /admin/v1/models/:id                  → ModelsOverview   (404 when not installed)
 * PUT    /admin/v1/models/active  ActiveModelBody → ActiveModelResult (switches live, writes `local.model`)
 *
 * Progress and outcomes are published as `model` events. Types of the state live in
 * shared/local-models.ts and are re-exported here.
 */
export type { CatalogueModel, CatalogueModelStatus, InstalledModel, LocalModelState, ModelDownloadProgress, ModelsOverview } from "./local-models.js";
import type { ModelDownloadProgress as DownloadProgress, ModelsOverview as LocalModelsOverview } from "./local-models.js";

export interface ModelPullAccepted {
  id: string;
  status: "downloading" | "installed";
  download: DownloadProgress | null;
}

/** `id`: a catalogue id, an absolute path to a `.gguf` file, or null for no local model. */
export interface ActiveModelBody {
  id: string | null;
}

export interface ActiveModelResult extends LocalModelsOverview {
  /** Whether `local.model` was written to config.yaml. */
  persisted: boolean;
  /** True when the running gateway has no local tier to switch, so the change applies after a restart. */
  restartRequired: boolean;
}
