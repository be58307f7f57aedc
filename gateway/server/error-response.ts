import type { Context } from "hono";
import { GatewayError, isGatewayError, toOpenAIErrorBody, type ErrorCode } from "../../shared/errors.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayEnv } from "./gateway-env.js";

/** Refusals at the door: logged here, since such a request never gets a request-log row. */
const doorRefusals: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["missing_token", "invalid_token", "forbidden_host", "forbidden_origin", "not_found", "method_not_allowed"]);

const knownPaths: ReadonlySet<string> = new Set(["/healthz", "/v1/chat/completions", "/v1/embeddings", "/v1/models", "/v1/responses", "/v1/messages", "/v1/messages/count_tokens"]);

/**
 * The one mapper from an error to an HTTP answer, with the catalogue's status: the OpenAI error
 * shape, or the shape a route set in the `errorBody` context variable.
 */
export function errorResponse(context: Context<GatewayEnv>, error: unknown, logger: Logger): Response {
  const gatewayError = isGatewayError(error) ? error : new GatewayError("internal_error", { cause: error });
  if (!isGatewayError(error)) {
    // The name only: an exception message may quote request content.
    logger.log("error", "unhandled error", { requestId: context.get("requestId"), reason: (error as Error)?.name ?? "unknown" });
  } else if (doorRefusals.has(gatewayError.code)) {
    logger.log("warn", "request refused", {
      requestId: context.get("requestId"),
      method: context.req.method,
      // A refused path is client input (it could hold an address): only known paths are logged as is.
      path: knownPaths.has(context.req.path) ? context.req.path : "(other)",
      status: gatewayError.status,
      errorCode: gatewayError.code,
    });
  }
  const status = gatewayError.status === 499 ? 400 : gatewayError.status;
  const writeBody = context.get("errorBody") ?? toOpenAIErrorBody;
  return context.json(writeBody(gatewayError), status as 400);
}
