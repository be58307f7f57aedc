import { randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { provenanceHeaders } from "../../../shared/provenance.js";
import type { GatewayEnv } from "../gateway-env.js";

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

/**
 * Gives every request an id and every answer the provenance headers, with the values of a
 * request that never reached a provider; the pipeline overwrites them once it has decided.
 */
export function requestId(options: { policyVersion: string | (() => string); generate?: () => string }): MiddlewareHandler<GatewayEnv> {
  const generate = options.generate ?? newRequestId;
  // A function when the policy can change while the gateway runs (a config saved from the UI).
  const policyVersion = typeof options.policyVersion === "function" ? options.policyVersion : () => options.policyVersion as string;
  return async function requestIdMiddleware(context, next) {
    const id = generate();
    context.set("requestId", id);
    context.set("startedAt", performance.now());
    await next();
    const headers = context.res.headers;
    headers.set(provenanceHeaders.requestId, id);
    if (!headers.has(provenanceHeaders.route)) headers.set(provenanceHeaders.route, "blocked");
    if (!headers.has(provenanceHeaders.provider)) headers.set(provenanceHeaders.provider, "none");
    if (!headers.has(provenanceHeaders.redactions)) headers.set(provenanceHeaders.redactions, "0");
    if (!headers.has(provenanceHeaders.policy)) headers.set(provenanceHeaders.policy, policyVersion());
  };
}
