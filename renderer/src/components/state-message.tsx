import type { ReactNode } from "react";
import type { AdminApiError } from "../api/admin-error.js";

/** The one look for "nothing here yet" and "this failed" in every view. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-message" role="status">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry, title = "This could not be loaded" }: { error: AdminApiError | null; onRetry?: () => void; title?: string }) {
  // The banner at the top already explains a lost gateway or an ended session; say it once.
  const explainedAbove = error?.kind === "session-expired" || error?.kind === "unreachable";
  return (
    <div className="state-message state-error" role={explainedAbove ? undefined : "alert"}>
      <p className="state-title">{title}</p>
      {error ? <p className="state-body">{explainedAbove ? "See the notice at the top of the page." : error.message}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}
