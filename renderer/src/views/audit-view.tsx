import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { findingTypes } from "../../../shared/findings.js";
import { receiptStatuses } from "../../../shared/receipt.js";
import type { AuditFilter } from "../../../shared/audit-query.js";
import { downloadExport } from "../api/admin-api.js";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { VirtualRequestRows } from "../components/virtual-rows.js";
import { formatDateTime, formatInteger, fromLocalInput, toLocalInput } from "../format.js";
import { hrefOf } from "../navigation.js";
import { liveRowOfItem } from "../store/live-slice.js";
import { selectAudit } from "../store/selectors.js";
import { useAppStore } from "../store/store-context.js";

export function AuditView() {
  const audit = useAppStore(selectAudit);
  const setAuditFilter = useAppStore((state) => state.setAuditFilter);
  const loadMoreAudit = useAppStore((state) => state.loadMoreAudit);
  const reloadAudit = useAppStore((state) => state.reloadAudit);
  useEffect(() => {
    if (audit.status === "idle") void setAuditFilter({});
  }, [audit.status, setAuditFilter]);
  const rows = useMemo(() => audit.records.map(liveRowOfItem), [audit.records]);
  const onNearEnd = useCallback(() => void loadMoreAudit(), [loadMoreAudit]);

  return (
    <section className="view view-fill" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" tabIndex={-1}>Audit</h1>
        <p className="view-lede">The tamper-evident record of every request. Filter, open a receipt, export, or verify the chain.</p>
      </header>
      <TrailPanel />
      <AuditFilters filter={audit.filter} onApply={(filter) => void setAuditFilter(filter)} />
      <div className="toolbar">
        <span role="status" aria-live="polite">
          {audit.status === "loading" ? "Searching…" : `${formatInteger(audit.records.length)}${audit.nextBefore !== null ? "+" : ""} records`}
        </span>
        <ExportButtons filter={audit.filter} />
      </div>
      {audit.status === "error" && audit.records.length === 0 ? (
        <ErrorState error={audit.error} onRetry={() => void reloadAudit()} title="The audit log could not be searched" />
      ) : audit.status === "loading" || audit.status === "idle" ? (
        <Loading label="Searching…" />
      ) : rows.length === 0 ? (
        <EmptyState title="No records match">{Object.keys(audit.filter).length ? "Loosen a filter or clear them all." : "Requests leave a record here as soon as they end."}</EmptyState>
      ) : (
        <VirtualRequestRows rows={rows} label="Audit records" withDate onNearEnd={onNearEnd} />
      )}
    </section>
  );
}

/** Each export first fetches a single-use ticket (a download cannot send the session header). */
function ExportButtons({ filter }: { filter: AuditFilter }) {
  const reportFailure = useAppStore((state) => state.reportFailure);
  const [problem, setProblem] = useState<string | null>(null);
  const start = (format: "jsonl" | "csv"): void => {
    setProblem(null);
    downloadExport(format, filter).catch((error: unknown) => setProblem(reportFailure(error).message));
  };
  return (
    <>
      <button type="button" className="button" onClick={() => start("jsonl")}>
        Export JSONL (signed)
      </button>
      <button type="button" className="button" onClick={() => start("csv")}>
        Export CSV
      </button>
      {problem !== null ? (
        <span className="field-issues" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}

function AuditFilters({ filter, onApply }: { filter: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const [draft, setDraft] = useState({
    since: toLocalInput(filter.since),
    until: toLocalInput(filter.until),
    client: filter.client ?? "",
    route: filter.route ?? "",
    provider: filter.provider ?? "",
    findingType: filter.findingType ?? "",
    status: filter.status ?? "",
  });
  const field = (name: keyof typeof draft) => ({
    id: `filter-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...draft,
      since: fromLocalInput(draft.since),
      until: fromLocalInput(draft.until),
    } as AuditFilter);
  };
  const clear = () => {
    setDraft({ since: "", until: "", client: "", route: "", provider: "", findingType: "", status: "" });
    onApply({});
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <label htmlFor="filter-since">From</label>
      <input type="datetime-local" {...field("since")} />
      <label htmlFor="filter-until">To</label>
      <input type="datetime-local" {...field("until")} />
      <label htmlFor="filter-client">Client</label>
      <input type="text" {...field("client")} placeholder="any" />
      <label htmlFor="filter-route">Route</label>
      <select {...field("route")}>
        <option value="">any</option>
        <option value="local">local</option>
        <option value="cloud">cloud</option>
        <option value="blocked">blocked</option>
      </select>
      <label htmlFor="filter-provider">Provider</label>
      <input type="text" {...field("provider")} placeholder="any" />
      <label htmlFor="filter-findingType">Finding</label>
      <select {...field("findingType")}>
        <option value="">any</option>
        {findingTypes.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <label htmlFor="filter-status">Status</label>
      <select {...field("status")}>
        <option value="">any</option>
        {receiptStatuses.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
      <div className="filter-actions">
        <button type="submit" className="button button-primary">
          Apply
        </button>
        <button type="button" className="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}

/** The chain's state: records, key, and the latest verification with the first broken record. */
function TrailPanel() {
  const trail = useAppStore((state) => state.trail);
  const loadTrail = useAppStore((state) => state.loadTrail);
  const startVerification = useAppStore((state) => state.startVerification);
  useEffect(() => {
    if (trail.status.status === "idle") void loadTrail();
  }, [trail.status.status, loadTrail]);
  const status = trail.status.data;
  const verification = trail.verification;
  const result = verification?.result ?? null;
  return (
    <div className="trail-panel" aria-label="Audit chain">
      <div>
        <strong>Chain</strong>{" "}
        {status ? (
          <span>
            {formatInteger(status.records)} records, signed with {status.keyFingerprint ? <span className="mono small">{status.keyFingerprint}</span> : "no key"} ({status.keyStorage ?? "—"})
            {status.keyWarning ? <span className="warning"> · {status.keyWarning}</span> : null}
          </span>
        ) : trail.status.status === "error" ? (
          <span className="muted">status unavailable</span>
        ) : (
          <span className="muted">…</span>
        )}
      </div>
      <div className="verification" role="status" aria-live="polite" data-testid="verification">
        {verification?.state === "running" ? (
          <span>Verifying the chain…</span>
        ) : verification?.state === "failed" ? (
          <span className="warning">The check could not run: {verification.error}</span>
        ) : result ? (
          result.ok ? (
            <span className="ok">
              Verified: {formatInteger(result.records)} records intact{verification?.finishedAt ? ` (${formatDateTime(verification.finishedAt)})` : ""}.
            </span>
          ) : (
            <span className="broken">
              Chain broken
              {result.firstBroken
                ? `: first broken record ${result.firstBroken.seq ?? "?"} (${result.firstBroken.problem})`
                : ""}
              {result.firstBroken?.requestId ? (
                <>
                  {" "}
                  <a href={hrefOf({ view: "request", requestId: result.firstBroken.requestId })}>open it</a>
                </>
              ) : null}
            </span>
          )
        ) : (
          <span className="muted">Not verified in this session.</span>
        )}
        <button type="button" className="button" onClick={() => void startVerification()} disabled={verification?.state === "running"}>
          Verify chain
        </button>
      </div>
    </div>
  );
}
