import { selectConnection } from "../store/selectors.js";
import { useAppStore } from "../store/store-context.js";

/** One banner for everything that makes the shown data stale: the gateway is gone or the session ended. */
export function ConnectionBanner() {
  const connection = useAppStore(selectConnection);
  if (connection.status === "session-expired") {
    return (
      <div className="banner banner-error" role="alert">
        <strong>Your session has ended.</strong> Run <code>privacy-router login</code> in a terminal and open the link it prints. Nothing you see here
        is updated until then.
      </div>
    );
  }
  if (connection.status === "unreachable") {
    return (
      <div className="banner banner-error" role="alert">
        <strong>The gateway is not reachable.</strong> Start it with <code>privacy-router serve</code> (or open the desktop app); this page reconnects by
        itself.
      </div>
    );
  }
  if (connection.status === "forbidden") {
    return (
      <div className="banner banner-error" role="alert">
        <strong>The gateway refused this page.</strong> {connection.message}
      </div>
    );
  }
  return null;
}

/** A small dot in the header: is the live event stream connected? */
export function StreamIndicator() {
  const state = useAppStore((current) => current.connection.eventStream);
  const label = state === "open" ? "Live" : state === "connecting" ? "Connecting" : state === "retrying" ? "Reconnecting" : "Offline";
  return (
    <span className={`stream-indicator stream-${state}`} role="status" aria-live="polite">
      <span className="stream-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
