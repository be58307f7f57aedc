import type { MiddlewareHandler } from "hono";
import type { GatewayEnv } from "../gateway-env.js";

/** The UI's policy: only this origin's own files, nothing inline, no framing, forms and fetches only back home. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Headers on every answer, the UI's pages and the APIs alike: cheap, and an API answer opened
 * in a browser tab then cannot be framed, sniffed into HTML, or leak its address as a referrer.
 * No CORS header is ever set: no other origin may read anything from this port.
 */
export function securityHeaders(): MiddlewareHandler<GatewayEnv> {
  return async function securityHeadersMiddleware(context, next) {
    await next();
    const headers = context.res.headers;
    headers.set("content-security-policy", contentSecurityPolicy);
    headers.set("x-content-type-options", "nosniff");
    headers.set("referrer-policy", "no-referrer");
    headers.set("x-frame-options", "DENY");
    headers.set("cross-origin-opener-policy", "same-origin");
    headers.set("cross-origin-resource-policy", "same-origin");
  };
}
