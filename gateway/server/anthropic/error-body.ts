import type { GatewayError } from "../../../shared/errors.js";

/** Anthropic's error types by HTTP status, as its API documents them. */
export function anthropicErrorType(error: GatewayError): string {
  switch (error.status) {
    case 400:
    case 405:
    case 415:
    case 499:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 504:
      return "timeout_error";
    default:
      return "api_error";
  }
}

/** `{"type":"error","error":{"type","message"}}`: the shape Anthropic's clients read. */
export function toAnthropicErrorBody(error: GatewayError): { type: "error"; error: { type: string; message: string } } {
  return { type: "error", error: { type: anthropicErrorType(error), message: error.message } };
}
