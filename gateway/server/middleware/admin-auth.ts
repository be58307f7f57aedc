import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { sessionCookiePrefix } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import type { AdminSessions } from "../../auth/admin-sessions.js";
import type { GatewayEnv } from "../gateway-env.js";
import type { TokenVerifier } from "./client-auth.js";

/** How an admin request got in: the UI's session cookie, or an admin token (a script). */
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

/**
 * The door of `/admin/*`: an admin token (`Authorization: Bearer`, or `x-api-key`), or the UI's
 * session cookie. Client tokens are refused. A browser sends the cookie on its own, so a
 * cookie request must also prove it comes from the UI's own page: anything but GET must carry
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
      const sessionId = getCookie(context, sessionCookieName(options.port()));
      const session = sessionId === undefined ? undefined : options.sessions.touch(sessionId);
      if (sessionId === undefined || session === undefined) throw new GatewayError("login_required");
      assertSameOrigin(context);
      context.set("client", { name: "ui", admin: true });
      context.set("adminAccess", { kind: "session", sessionId, expiresAt: session.expiresAt });
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
