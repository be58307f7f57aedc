import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuditFilter } from "../../../shared/audit-query.js";
import { GatewayError } from "../../../shared/errors.js";
import { findingTypes } from "../../../shared/findings.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import type { AuditQueries } from "../../audit/audit-queries.js";
import type { LocalOnlySwitch } from "../../policy/local-only-switch.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";

export interface AdminDependencies {
  queries: AuditQueries;
  localOnly: LocalOnlySwitch;
  /** `policy.localOnly` in config: the switch cannot turn cloud traffic back on past it. */
  localOnlyForcedByConfig: boolean;
}

/** Admin routes need a token made with `tokens create <name> --admin`; a client token is refused. */
export function adminOnly(): MiddlewareHandler<GatewayEnv> {
  return async function adminOnlyMiddleware(context, next) {
    if (!context.get("client").admin) throw new GatewayError("admin_required");
    // Nothing here is routed anywhere: it is answered by the gateway itself.
    context.header(provenanceHeaders.route, "local");
    await next();
  };
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

function filterOf(context: Context<GatewayEnv>): z.infer<typeof filterSchema> {
  const result = filterSchema.safeParse(context.req.query());
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new GatewayError("invalid_request", { param: issue?.path.join(".") ?? null, message: `Invalid filter: ${issue?.message ?? "unknown"}` });
  }
  return result.data;
}

const localOnlyBody = z.strictObject({ on: z.boolean() });

/**
 * The admin API (for scripts and the UI): receipts by request id, the audit log with filters and
 * keyset pages, dashboard sums, and the local-only switch.
 */
export function registerAdminRoutes(app: import("hono").Hono<GatewayEnv>, dependencies: AdminDependencies): void {
  app.get("/admin/v1/requests/:id", (context) => {
    const record = dependencies.queries.get(context.req.param("id"));
    if (!record) throw new GatewayError("not_found", { message: "No request with that id is recorded." });
    return context.json(record);
  });
  app.get("/admin/v1/requests", (context) => {
    const { before, limit, ...filter } = filterOf(context);
    return context.json(dependencies.queries.list(filter as AuditFilter, { ...(before ? { before } : {}), ...(limit ? { limit } : {}) }));
  });
  app.get("/admin/v1/summary", (context) => {
    const { before: _before, limit: _limit, ...filter } = filterOf(context);
    return context.json(dependencies.queries.summarize(filter as AuditFilter));
  });
  const state = () => ({ on: dependencies.localOnly.isOn() || dependencies.localOnlyForcedByConfig, forcedByConfig: dependencies.localOnlyForcedByConfig });
  app.get("/admin/v1/local-only", (context) => context.json(state()));
  app.put("/admin/v1/local-only", async (context) => {
    const { on } = await readJsonBody(context, localOnlyBody);
    dependencies.localOnly.set(on);
    return context.json(state());
  });
}
