import type { Context } from "hono";
import type { GatewayEnv } from "./gateway-env.js";

/**
 * Who made an admin change, for the log: `ui session` or `admin token <name>`. Never the
 * session id or the token itself.
 */
export function adminActor(context: Context<GatewayEnv>): string {
  const access = context.get("adminAccess");
  if (access === undefined) return "unknown";
  return access.kind === "session" ? "ui session" : `admin token ${access.name}`;
}
