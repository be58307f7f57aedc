import type { ClientIdentity } from "../auth/client-tokens.js";

/** Values middleware hands to handlers through Hono's context. */
export interface GatewayEnv {
  Variables: {
    requestId: string;
    startedAt: number;
    client: ClientIdentity;
  };
}
