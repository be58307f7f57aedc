import type { Context, MiddlewareHandler } from "hono";
import { sessionCookiePrefix, sessionHeaderName } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import type { AdminSessions } from "../../auth/admin-sessions.js";
import type { GatewayEnv } from "../gateway-env.js";
import type { TokenVerifier } from "./client-auth.js";

/**
 * How an admin request got in: the UI's session (`sessionId` is the session's key, a hash, never
 * a secret), or an admin token (a script).
 */
export type AdminAccess = { kind: "session"; sessionId: string; expiresAt: Date } | { kind: "token"; name: string };

export interface AdminAuthOptions {
  sessions: AdminSessions;
  tokens: TokenVerifier;
  /** The bound port: the cookie's name carries it, since cookies are not kept apart by port. */
  port: () => number;
}

/** The UI session cookie's name for a gateway on this port. */
export function sessionCookieName(port: number): string {
  return `${sessionCookiePrefix}${port}`;
}

const readOnlyMethods: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/** The one path a browser fetches without our header (a download), so it may bring a ticket instead. */
const exportPath = "/admin/v1/export";

/** Every value sent for one cookie name, in the order the browser sent them (duplicates included). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    let value = pair.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    values.push(value);
  }
  return values;
}

/**
 * The door of `/admin/*`: an admin token (`Authorization: Bearer`, or `x-api-key`), or the UI's
 * session: its page secret in the `x-privacy-router-session` header together with its cookie.
 * Browsers send a 127.0.0.1 cookie to every port, so any local server the browser visits may
 * hold the cookie; the cookie alone opens nothing. A custom header also means a page of another
 * origin cannot send the call without a CORS preflight, which is never granted. The one
 * exception is the export download (a link cannot send headers): a single-use ticket from
 * `POST /admin/v1/export/ticket` stands in for the header there, still with the cookie.
 * Client tokens are refused. A session request must also prove it comes from the UI's own
 * page: anything but GET must carry
 * an `Origin` equal to this gateway's origin, and a browser's `Sec-Fetch-Site`, when sent, must
 * say same-origin (another port on 127.0.0.1 is "same-site", and SameSite=Strict lets it in).
 * Runs after the loopback guard, which has already pinned the Host to our own.
 */
export function adminAuth(options: AdminAuthOptions): MiddlewareHandler<GatewayEnv> {
  return async function adminAuthMiddleware(context, next) {
    const authorization = context.req.header("authorization");
    const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const token = bearer || context.req.header("x-api-key");
    if (token) {
      const client = options.tokens.verify(token);
      if (!client) throw new GatewayError("invalid_token");
      if (!client.admin) throw new GatewayError("admin_required");
      context.set("client", client);
      context.set("adminAccess", { kind: "token", name: client.name });
    } else {
      const cookies = cookieValues(context.req.header("cookie"), sessionCookieName(options.port()));
      const pageSecret = context.req.header(sessionHeaderName);
      const ticket = context.req.method === "GET" && context.req.path === exportPath ? context.req.query("ticket") : undefined;
      const found =
        pageSecret !== undefined ? options.sessions.touch(pageSecret, cookies) : ticket !== undefined ? options.sessions.redeemTicket(ticket, cookies) : undefined;
      if (found === undefined) throw new GatewayError("login_required");
      assertSameOrigin(context);
      context.set("client", { name: "ui", admin: true });
      context.set("adminAccess", { kind: "session", sessionId: found.sessionKey, expiresAt: found.session.expiresAt });
    }
    // Nothing here is routed anywhere: it is answered by the gateway itself.
    context.header(provenanceHeaders.route, "local");
    await next();
  };
}

function assertSameOrigin(context: Context<GatewayEnv>): void {
  const readOnly = readOnlyMethods.has(context.req.method);
  const fetchSite = context.req.header("sec-fetch-site");
  // `none`: the user typed or opened the address themselves, which a page cannot do for them.
  if (fetchSite !== undefined && fetchSite !== "same-origin" && !(fetchSite === "none" && readOnly)) throw new GatewayError("forbidden_origin");
  if (readOnly) return;
  const origin = context.req.header("origin");
  const ownOrigin = `http://${(context.req.header("host") ?? "").toLowerCase()}`;
  if (origin === undefined || origin.toLowerCase() !== ownOrigin) throw new GatewayError("forbidden_origin");
}
