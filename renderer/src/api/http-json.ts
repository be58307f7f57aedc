import type { ValidationIssue } from "../../../shared/admin-api.js";
import { AdminApiError, kindOfStatus } from "./admin-error.js";
import { sessionHeaders } from "./session-secret.js";

interface OpenAIErrorBody {
  error?: { message?: string; code?: string | null; param?: string | null };
  issues?: ValidationIssue[];
}

/**
 * One call to the gateway's admin API on the page's own origin. The session is two halves: the
 * cookie, which travels by itself (same origin), and the page secret from sessionStorage, sent
 * as a header; the gateway wants both. Nothing secret is compiled into this code.
 */
export async function httpJson<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...sessionHeaders() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AdminApiError("unreachable", "The gateway could not be reached. Is `privacy-router serve` (or the desktop app) running?");
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  let parsed: OpenAIErrorBody = {};
  try {
    parsed = (await response.json()) as OpenAIErrorBody;
  } catch {
    // Not our error shape (a proxy, a crash page): the status alone has to do.
  }
  const kind = kindOfStatus(response.status);
  const message =
    kind === "session-expired"
      ? "Your session has ended. Run `privacy-router login` and open the new link it prints."
      : (parsed.error?.message ?? `The gateway answered ${response.status}.`);
  throw new AdminApiError(kind, message, { status: response.status, code: parsed.error?.code ?? null, param: parsed.error?.param ?? null, issues: parsed.issues ?? [] });
}

/** `?a=1&b=2` from the defined, non-empty values of an object; empty string when none. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}
