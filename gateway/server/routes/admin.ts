import type { Context, Hono } from "hono";
import { z } from "zod";
import { localOnlyBodySchema, type GatewayStatus, type LocalOnlyState, type SessionInfo } from "../../../shared/admin-api.js";
import type { AuditFilter } from "../../../shared/audit-query.js";
import { GatewayError } from "../../../shared/errors.js";
import { findingTypes } from "../../../shared/findings.js";
import type { AdminSessions } from "../../auth/admin-sessions.js";
import type { ClientTokenStore } from "../../auth/client-tokens.js";
import type { LoginTokenStore } from "../../auth/login-tokens.js";
import type { AuditKeyLocation } from "../../audit/audit-key-store.js";
import type { AuditQueries } from "../../audit/audit-queries.js";
import type { SqliteDatabase } from "../../audit/open-database.js";
import { budgetStatus } from "../../policy/budget-status.js";
import type { LocalOnlySwitch } from "../../policy/local-only-switch.js";
import type { KeyStore } from "../../secrets/key-store.js";
import type { AdminEventBus } from "../admin-events.js";
import type { ConfigEditor } from "../config-editor.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import type { LivePipeline } from "../live-pipeline.js";
import type { LocalOnlyNotifier } from "../local-only-notifier.js";
import { readJsonBody } from "../read-json-body.js";
import type { TrailVerifier } from "../trail-verifier.js";
import { clearSessionCookie } from "./ui.js";
import { registerAdminAuditRoutes } from "./admin-audit.js";
import { registerAdminConfigRoutes } from "./admin-config.js";
import { eventStreamHandler } from "./admin-event-stream.js";
import { registerAdminProviderRoutes } from "./admin-providers.js";
import { registerAdminTokenRoutes } from "./admin-tokens.js";

/** What the admin API works with; start-gateway assembles it. */
export interface AdminDependencies {
  queries: AuditQueries;
  localOnly: LocalOnlySwitch;
  /** Publishes `local-only` events on every change, from here or from another process. */
  localOnlyNotifier: LocalOnlyNotifier;
  live: LivePipeline;
  events: AdminEventBus;
  sessions: AdminSessions;
  loginTokens: LoginTokenStore;
  tokens: ClientTokenStore;
  keyStore: KeyStore;
  /** Provider id → base URL origin at this process's start: where environment keys may go (key-binding.ts). */
  startupKeyOrigins?: ReadonlyMap<string, string>;
  configEditor: ConfigEditor;
  /** The gateway's own connection: reads only, here (kept text). Exports open their own. */
  database: SqliteDatabase;
  /** Where the audit signing key and anchors live (exports are sealed with the key). */
  auditLocation: AuditKeyLocation;
  verifier: TrailVerifier;
  /** The built UI, when there is one. */
  uiDirectory: string | undefined;
  /** `http://127.0.0.1:PORT`, known once listening. */
  origin: () => string;
  startedAt: Date;
  version: string;
}

const filterSchema = z.strictObject({
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  client: z.string().min(1).optional(),
  route: z.enum(["local", "cloud", "blocked"]).optional(),
  provider: z.string().min(1).optional(),
  findingType: z.enum(findingTypes).optional(),
  status: z.string().min(1).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().positive().optional(),
});

/** Validates query parameters; the first problem becomes a 400 naming the parameter. */
export function queryOf<Schema extends z.ZodType>(context: Context<GatewayEnv>, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(context.req.query());
  if (!result.success) {
    const issue = result.error.issues[0];
    const param = issue?.path.join(".") || (issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? null) : null);
    throw new GatewayError("invalid_request", { param, message: `Invalid query parameter${param ? ` \`${param}\`` : ""}: ${issue?.message ?? "unknown"}` });
  }
  return result.data;
}

/**
 * The admin API (for the UI and scripts), behind admin-auth: session, status, the local-only
 * switch, the event stream, the audit log and its exports, providers and keys, config, the dry
 * run and client tokens. Model management registers its own routes beside these.
 */
export function registerAdminRoutes(app: Hono<GatewayEnv>, dependencies: AdminDependencies, gateway: GatewayDependencies): void {
  app.get("/admin/v1/session", (context) => {
    const access = context.get("adminAccess");
    const info: SessionInfo =
      access?.kind === "session"
        ? { kind: "session", name: "ui", expiresAt: access.expiresAt.toISOString(), idleTimeoutSeconds: dependencies.sessions.idleTimeoutSeconds }
        : { kind: "token", name: access?.kind === "token" ? access.name : context.get("client").name, expiresAt: null, idleTimeoutSeconds: null };
    return context.json(info);
  });
  app.post("/admin/v1/logout", (context) => {
    const access = context.get("adminAccess");
    if (access?.kind === "session") dependencies.sessions.end(access.sessionId);
    clearSessionCookie(context, gateway.port());
    return context.body(null, 204);
  });

  const localOnlyState = (): LocalOnlyState => dependencies.localOnlyNotifier.check();
  app.get("/admin/v1/status", (context) => {
    const { config, policyVersion, spend } = dependencies.live.current();
    const status: GatewayStatus = {
      version: dependencies.version,
      endpoint: `${dependencies.origin()}/v1`,
      policyVersion,
      localOnly: localOnlyState(),
      localModel: config.local.model ?? null,
      providers: config.providers.length,
      startedAt: dependencies.startedAt.toISOString(),
      budgets: budgetStatus(config, spend),
    };
    return context.json(status);
  });
  app.get("/admin/v1/local-only", (context) => context.json(localOnlyState()));
  app.put("/admin/v1/local-only", async (context) => {
    const { on } = await readJsonBody(context, localOnlyBodySchema);
    dependencies.localOnly.set(on);
    return context.json(localOnlyState());
  });

  app.get(
    "/admin/v1/events",
    eventStreamHandler({
      events: dependencies.events,
      opening: () => ({ type: "stream.open", policyVersion: dependencies.live.current().policyVersion, localOnly: localOnlyState() }),
    }),
  );

  app.get("/admin/v1/requests/:id", (context) => {
    const record = dependencies.queries.get(context.req.param("id"));
    if (!record) throw new GatewayError("not_found", { message: "No request with that id is recorded." });
    return context.json(record);
  });
  app.get("/admin/v1/requests", (context) => {
    const { before, limit, ...filter } = queryOf(context, filterSchema);
    return context.json(dependencies.queries.list(filter as AuditFilter, { ...(before ? { before } : {}), ...(limit ? { limit } : {}) }));
  });
  app.get("/admin/v1/summary", (context) => {
    const { before: _before, limit: _limit, ...filter } = queryOf(context, filterSchema);
    return context.json(dependencies.queries.summarize(filter as AuditFilter));
  });

  registerAdminAuditRoutes(app, dependencies);
  registerAdminProviderRoutes(app, dependencies);
  registerAdminConfigRoutes(app, dependencies, gateway);
  registerAdminTokenRoutes(app, dependencies);
}
