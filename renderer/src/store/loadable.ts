import type { AdminApiError } from "../api/admin-error.js";

/** What the UI knows about one thing it asked the gateway for. */
export interface Loadable<T> {
  status: "idle" | "loading" | "ready" | "error";
  data: T | null;
  error: AdminApiError | null;
}

export function idle<T>(): Loadable<T> {
  return { status: "idle", data: null, error: null };
}

/** Keeps the last data on screen while reloading, so a refresh does not blank the view. */
export function loading<T>(previous: Loadable<T>): Loadable<T> {
  return { status: "loading", data: previous.data, error: null };
}

export function ready<T>(data: T): Loadable<T> {
  return { status: "ready", data, error: null };
}

export function failed<T>(previous: Loadable<T>, error: AdminApiError): Loadable<T> {
  return { status: "error", data: previous.data, error };
}
