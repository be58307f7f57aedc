import type { GatewayError } from "../../shared/errors.js";
import type { ClientIdentity } from "../auth/client-tokens.js";
import type { AdminAccess } from "./middleware/admin-auth.js";

/** Writes an error in one edge's wire shape (the OpenAI shape unless a route sets another). */
export type ErrorBodyWriter = (error: GatewayError) => unknown;

/** Values middleware hands to handlers through Hono's context. */
export interface GatewayEnv {
  Variables: {
    requestId: string;
    startedAt: number;
    client: ClientIdentity;
    /** How an `/admin/*` request was let in (admin-auth.ts). */
    adminAccess?: AdminAccess;
    /**
     * Set by middleware on a path prefix whose clients expect another error shape (Anthropic's on
     * `/v1/messages`); set it before the door checks on that prefix so their refusals use it too.
     */
    errorBody?: ErrorBodyWriter;
  };
}
