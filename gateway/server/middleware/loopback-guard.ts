import type { MiddlewareHandler } from "hono";
import { GatewayError } from "../../../shared/errors.js";
import type { GatewayEnv } from "../gateway-env.js";

export interface LoopbackGuardOptions {
  /** The port actually bound (known only after listening when port 0 was asked for). */
  port: () => number;
  /** Extra host names accepted when the user bound another address on purpose. */
  extraHosts?: readonly string[];
}

function allowedHosts(options: LoopbackGuardOptions): Set<string> {
  const port = options.port();
  const names = ["127.0.0.1", "localhost", "[::1]", ...(options.extraHosts ?? [])];
  return new Set(names.map((name) => `${name}:${port}`.toLowerCase()));
}

/**
 * DNS-rebinding and cross-site defence. A web page can make a browser send requests to
 * 127.0.0.1, but it cannot forge the Host a rebound name carries, nor hide its Origin: so
 * only our own loopback Host is served, and an Origin, when present, must be our own.
 */
export function loopbackGuard(options: LoopbackGuardOptions): MiddlewareHandler<GatewayEnv> {
  return async function loopbackGuardMiddleware(context, next) {
    const hosts = allowedHosts(options);
    const host = (context.req.header("host") ?? "").toLowerCase();
    if (!hosts.has(host)) throw new GatewayError("forbidden_host");
    const origin = context.req.header("origin");
    if (origin !== undefined && !hosts.has(originHost(origin))) throw new GatewayError("forbidden_origin");
    await next();
  };
}

/** `http://127.0.0.1:8484` → `127.0.0.1:8484`; anything else (https, paths, `null`) → "" which never matches. */
function originHost(origin: string): string {
  const match = /^http:\/\/([^/?#]+)$/.exec(origin.toLowerCase());
  return match?.[1] ?? "";
}
