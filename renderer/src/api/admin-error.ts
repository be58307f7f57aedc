/**
 * Why a call to the gateway failed, in the terms the UI explains: the gateway is not running,
 * the session ended, or the gateway refused with a catalogue code and message.
 */
import type { ValidationIssue } from "../../../shared/admin-api.js";

export type AdminErrorKind = "unreachable" | "session-expired" | "forbidden" | "not-found" | "invalid" | "server";

export class AdminApiError extends Error {
  readonly kind: AdminErrorKind;
  readonly status: number | null;
  /** The error catalogue's code (shared/errors.ts), when the gateway sent one. */
  readonly code: string | null;
  /** The field the gateway named (`param` of the OpenAI error shape). */
  readonly param: string | null;
  /** Field-level messages of a refused config or provider (`invalid_config`). */
  readonly issues: ValidationIssue[];

  constructor(kind: AdminErrorKind, message: string, details: { status?: number | null; code?: string | null; param?: string | null; issues?: ValidationIssue[] } = {}) {
    super(message);
    this.name = "AdminApiError";
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.param = details.param ?? null;
    this.issues = details.issues ?? [];
  }
}

export function kindOfStatus(status: number): AdminErrorKind {
  if (status === 401) return "session-expired";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status >= 400 && status < 500) return "invalid";
  return "server";
}

/** One message for the UI from anything a call threw. */
export function describeError(error: unknown): AdminApiError {
  if (error instanceof AdminApiError) return error;
  return new AdminApiError("unreachable", "The gateway could not be reached. Is `privacy-router serve` (or the desktop app) running?");
}
