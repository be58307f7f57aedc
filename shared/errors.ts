/**
 * The one catalogue of user-facing errors. Each entry says what happened and what to do;
 * the HTTP edge maps them to the OpenAI error shape, the CLI prints `message` on one line.
 */
export const errorCatalogue = {
  invalid_json: { status: 400, type: "invalid_request_error", message: "The request body is not valid JSON." },
  invalid_request: { status: 400, type: "invalid_request_error", message: "The request is not valid." },
  unsupported_parameter: { status: 400, type: "invalid_request_error", message: "A parameter is not supported." },
  missing_token: {
    status: 401,
    type: "authentication_error",
    message: "No client token. Send `Authorization: Bearer <client token>`; `privacy-router tokens create <name>` makes one.",
  },
  invalid_token: {
    status: 401,
    type: "authentication_error",
    message: "The client token is not valid or was revoked. `privacy-router tokens create <name>` makes a new one.",
  },
  forbidden_host: {
    status: 403,
    type: "permission_error",
    message: "The Host header is not this loopback endpoint; the request was refused (DNS-rebinding defence).",
  },
  forbidden_origin: {
    status: 403,
    type: "permission_error",
    message: "Requests from another web origin are refused (cross-site request defence).",
  },
  admin_required: {
    status: 403,
    type: "permission_error",
    message: "This needs an admin token: `privacy-router tokens create <name> --admin` makes one.",
  },
  policy_blocked: { status: 403, type: "permission_error", message: "The privacy policy refused this request." },
  not_found: { status: 404, type: "invalid_request_error", message: "Unknown endpoint. Privacy Router never passes unknown endpoints through." },
  model_not_found: {
    status: 404,
    type: "invalid_request_error",
    message: "Unknown model. Use `auto`, `local`, `<provider>/<model>` or a model `GET /v1/models` lists.",
  },
  method_not_allowed: { status: 405, type: "invalid_request_error", message: "This method is not allowed on this endpoint." },
  payload_too_large: {
    status: 413,
    type: "invalid_request_error",
    message: "The request body is larger than the configured limit (`server.maxBodyBytes`).",
  },
  unsupported_media_type: { status: 415, type: "invalid_request_error", message: "Send the body as `application/json`." },
  upstream_error: { status: 502, type: "api_error", message: "The provider answered with an error." },
  upstream_unreachable: { status: 502, type: "api_error", message: "The provider could not be reached." },
  upstream_protocol_error: { status: 502, type: "api_error", message: "The provider's answer could not be parsed." },
  upstream_timeout: { status: 504, type: "api_error", message: "The provider did not answer in time (`server.upstreamTimeoutMs`)." },
  provider_key_missing: {
    status: 503,
    type: "api_error",
    message: "No API key is set for this provider. Run `privacy-router keys set <provider>` or set PRIVACY_ROUTER_KEY_<PROVIDER>.",
  },
  local_model_unavailable: {
    status: 503,
    type: "api_error",
    message: "No local model is available. Set `local.model` in config.yaml to a GGUF file.",
  },
  local_model_failed: { status: 500, type: "api_error", message: "The local model failed while answering." },
  audit_unavailable: {
    status: 503,
    type: "api_error",
    message: "The request log cannot be written, so the request was not served.",
  },
  request_aborted: { status: 499, type: "api_error", message: "The client closed the request." },
  internal_error: { status: 500, type: "api_error", message: "Privacy Router hit an internal error; the request was not forwarded." },
} as const satisfies Record<string, { status: number; type: string; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface GatewayErrorOptions {
  /** A more specific sentence than the catalogue's; never contains request content or keys. */
  message?: string;
  param?: string | null;
  /** Upstream status, when the error came from a provider. */
  upstreamStatus?: number;
  isRetryable?: boolean;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly upstreamStatus: number | undefined;
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, options: GatewayErrorOptions = {}) {
    const entry = errorCatalogue[code];
    super(options.message ?? entry.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "GatewayError";
    this.code = code;
    this.status = entry.status;
    this.type = entry.type;
    this.param = options.param ?? null;
    this.upstreamStatus = options.upstreamStatus;
    this.isRetryable = options.isRetryable ?? false;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** The OpenAI error body: `{"error":{"message","type","param","code"}}`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

export function toOpenAIErrorBody(error: GatewayError): OpenAIErrorBody {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}
