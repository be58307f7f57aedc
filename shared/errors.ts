import { pullDefaultModelCommand } from "./local-models.js";

/**
 * The one catalogue of user-facing errors. Each entry says what happened and what to do;
 * the HTTP edge maps them to the OpenAI error shape, the CLI prints `message` on one line.
 */
export const errorCatalogue = {
  invalid_json: { status: 400, type: "invalid_request_error", message: "The request body is not valid JSON." },
  invalid_request: { status: 400, type: "invalid_request_error", message: "The request is not valid." },
  unsupported_parameter: { status: 400, type: "invalid_request_error", message: "A parameter is not supported." },
  server_state_unsupported: {
    status: 400,
    type: "invalid_request_error",
    message: "Privacy Router keeps no responses or conversations on the server. Send the whole conversation in `input` each time, with `store` false or left out.",
  },
  hosted_tool_unsupported: {
    status: 400,
    type: "invalid_request_error",
    message: "Privacy Router does not run hosted tools (web search, file search, code interpreter and the like), so one cannot be forced with `tool_choice`. Define function tools and run them in your client.",
  },
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
  login_required: {
    status: 401,
    type: "authentication_error",
    message: "Sign in first: run `privacy-router login` and open the URL it prints (scripts send `Authorization: Bearer <admin token>`).",
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
  invalid_config: { status: 400, type: "invalid_request_error", message: "The configuration is not valid; nothing was changed. Fix the fields named in `issues`." },
  conflict: { status: 409, type: "invalid_request_error", message: "That already exists; choose another name or remove the existing one first." },
  provider_address_locked: {
    status: 409,
    type: "invalid_request_error",
    message: "This provider's key is bound at each start to the address in config.yaml, so its address can only be changed in config.yaml on this machine, or after setting the key again (`privacy-router keys set <provider>`); nothing was changed.",
  },
  config_changed: {
    status: 409,
    type: "invalid_request_error",
    message: "config.yaml changed since you opened it; nothing was saved. Reload it, then make your change again.",
  },
  keychain_unavailable: {
    status: 503,
    type: "api_error",
    message: "The OS keychain could not be used. On Linux it needs a running Secret Service such as gnome-keyring; or set PRIVACY_ROUTER_KEY_<PROVIDER> in the gateway's environment.",
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
  provider_key_origin_mismatch: {
    status: 503,
    type: "api_error",
    message: "The provider's address was changed since its key was set, so the key was not sent. Check that the change of address was intended before setting the key again for it (`privacy-router keys set <provider>`).",
  },
  local_model_unavailable: {
    status: 503,
    type: "api_error",
    message: `No local model is installed yet. Run \`${pullDefaultModelCommand}\` (or use the UI's Local model page), or set \`local.model\` in config.yaml to a GGUF file.`,
  },
  local_model_failed: { status: 500, type: "api_error", message: "The local model failed while answering." },
  model_unknown: {
    status: 404,
    type: "invalid_request_error",
    message: "No model with that id is in the catalogue. `privacy-router models list` shows the ids.",
  },
  model_download_failed: { status: 502, type: "api_error", message: "The model could not be downloaded. Check the network connection, then pull it again: the download resumes." },
  model_verification_failed: {
    status: 502,
    type: "api_error",
    message: "The downloaded model file is not the expected one (its SHA-256 differs), so it was deleted. Pull it again; if it keeps failing, the file on the server changed.",
  },
  disk_space_insufficient: { status: 507, type: "api_error", message: "There is not enough free disk space for this model. Free some space, then pull it again." },
  model_download_in_progress: { status: 409, type: "invalid_request_error", message: "This model is already being downloaded." },
  model_unpinned: {
    status: 409,
    type: "invalid_request_error",
    message: "The catalogue has no pinned SHA-256 for this model, so it was not downloaded. Confirm the download (`--accept-unpinned`, or `acceptUnpinned: true`) to record its hash on first use.",
  },
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
