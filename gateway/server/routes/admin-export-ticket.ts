import type { Hono } from "hono";
import { exportTicketBodySchema, type ExportTicket } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import type { AdminSessions } from "../../auth/admin-sessions.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";

/**
 * `POST /admin/v1/export/ticket`: the UI's way to an export download. A download is a plain
 * browser request that cannot carry the session header, and fetching a million records into the
 * page to save them as a blob would hold them all in memory; so the page asks (with its header)
 * for a single-use, short-lived ticket, and the browser downloads the link with it. Scripts
 * call `GET /admin/v1/export` with their admin token and need no ticket.
 */
export function registerAdminExportTicketRoute(app: Hono<GatewayEnv>, sessions: AdminSessions): void {
  app.post("/admin/v1/export/ticket", async (context) => {
    const body = await readJsonBody(context, exportTicketBodySchema);
    const access = context.get("adminAccess");
    if (access?.kind !== "session") throw new GatewayError("invalid_request", { message: "Download tickets are for the UI's session; with an admin token, call GET /admin/v1/export directly." });
    const issued = sessions.issueTicket(access.sessionId);
    if (!issued) throw new GatewayError("login_required");
    const query = new URLSearchParams({ format: body.format });
    if (body.since) query.set("since", body.since);
    if (body.until) query.set("until", body.until);
    query.set("ticket", issued.ticket);
    const ticket: ExportTicket = { href: `/admin/v1/export?${query.toString()}`, expiresAt: issued.expiresAt.toISOString() };
    context.header("cache-control", "no-store");
    return context.json(ticket);
  });
}
