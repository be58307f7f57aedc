import { formatDateTime, formatInteger, formatMs, formatTime, formatUsd } from "../format.js";
import { hrefOf } from "../navigation.js";
import type { LiveRow } from "../store/live-slice.js";
import { RouteBadge } from "./route-badge.js";

/** The columns the live list and the audit table share; widths live in CSS (`.request-grid`). */
export function RequestHeader() {
  return (
    <div className="request-grid request-header" aria-hidden="true">
      <span>Time</span>
      <span>Client</span>
      <span>Model asked</span>
      <span>Route</span>
      <span className="numeric">Redactions</span>
      <span className="numeric">Latency</span>
      <span className="numeric">Tokens</span>
      <span className="numeric">Cost</span>
      <span>Request id</span>
    </div>
  );
}

/** One request on one line of fixed height, so streaming rows never move the page. */
export function RequestRow({ row, withDate = false }: { row: LiveRow; withDate?: boolean }) {
  const { start, finished } = row;
  const at = finished?.finishedAt ?? start.startedAt;
  const tokens = finished?.tokens ? finished.tokens.prompt + finished.tokens.completion : null;
  const where = finished ? (finished.route === "cloud" ? `cloud ${finished.provider}` : finished.route) : "running";
  const label = `${formatDateTime(at)}, ${start.client}, ${where}${finished && finished.status !== "completed" ? `, ${finished.status}` : ""}, ${finished?.redactions ?? 0} redactions, request ${start.requestId}`;
  return (
    <a
      className={`request-grid request-row status-${finished?.status ?? "running"}`}
      href={hrefOf({ view: "request", requestId: start.requestId })}
      data-request-id={start.requestId}
      data-route={finished?.route ?? "running"}
      aria-label={label}
    >
      <span>
        <time dateTime={at} title={formatDateTime(at)}>
          {withDate ? formatDateTime(at) : formatTime(at)}
        </time>
      </span>
      <span className="truncate">{start.client}</span>
      <span className="truncate">{start.requestedModel ?? "—"}</span>
      <span className="route-cell">
        {finished ? <RouteBadge receipt={finished} /> : <span className="badge badge-running">running</span>}
        {finished && finished.status !== "completed" ? <span className="status-note">{finished.status}</span> : null}
      </span>
      <span className="numeric">{finished ? formatInteger(finished.redactions) : ""}</span>
      <span className="numeric">{finished ? formatMs(finished.latencyMs) : ""}</span>
      <span className="numeric">{tokens === null ? "—" : formatInteger(tokens)}</span>
      <span className="numeric">{finished ? formatUsd(finished.costUsd) : ""}</span>
      <span className="mono truncate">{start.requestId}</span>
    </a>
  );
}
