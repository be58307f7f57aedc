import type { MiddlewareHandler } from "hono";
import { GatewayError } from "../../../shared/errors.js";
import type { ClientIdentity } from "../../auth/client-tokens.js";
import type { GatewayEnv } from "../gateway-env.js";

export interface TokenVerifier {
  verify(token: string): ClientIdentity | undefined;
}

/** `Authorization: Bearer <client token>`, or `x-api-key` for Anthropic-style clients. */
export function clientAuth(tokens: TokenVerifier): MiddlewareHandler<GatewayEnv> {
  return async function clientAuthMiddleware(context, next) {
    const authorization = context.req.header("authorization");
    const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const token = bearer || context.req.header("x-api-key");
    if (!token) throw new GatewayError("missing_token");
    const client = tokens.verify(token);
    if (!client) throw new GatewayError("invalid_token");
    context.set("client", client);
    await next();
  };
}
