import type { Context } from "hono";
import { GatewayError, isGatewayError, toOpenAIErrorBody } from "../../shared/errors.js";
import type { Logger } from "../logging/logger.js";

/** The one mapper from an error to an HTTP answer: the OpenAI error shape with the catalogue's status. */
export function errorResponse(context: Context, error: unknown, logger: Logger): Response {
  const gatewayError = isGatewayError(error) ? error : new GatewayError("internal_error", { cause: error });
  if (!isGatewayError(error)) {
    // The name only: an exception message may quote request content.
    logger.log("error", "unhandled error", { requestId: context.get("requestId"), reason: (error as Error)?.name ?? "unknown" });
  }
  const status = gatewayError.status === 499 ? 400 : gatewayError.status;
  return context.json(toOpenAIErrorBody(gatewayError), status as 400);
}
