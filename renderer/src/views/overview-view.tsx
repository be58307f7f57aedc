import { useEffect } from "react";
import { HorizontalBars, StackedBars } from "../components/charts.js";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { formatDay, formatHour, formatInteger, formatPercent, formatUsd } from "../format.js";
import type { BudgetStatus } from "../../../shared/admin-api.js";
import { fillBuckets, type OverviewData, type OverviewRange } from "../store/overview-slice.js";
import { budgetMeterViews, whenExceededText } from "../store/budget-meters.js";
import { findingsByFrequency, routeShare } from "../store/selectors.js";
import { useAppStore } from "../store/store-context.js";

const ranges: Array<{ id: OverviewRange; label: string }> = [
  { id: "day", label: "24 hours" },
  { id: "week", label: "7 days" },
  { id: "month", label: "30 days" },
];

export function OverviewView() {
  const overview = useAppStore((state) => state.overview);
  const loadOverview = useAppStore((state) => state.loadOverview);
  useEffect(() => {
    if (overview.data.status === "idle") void loadOverview();
  }, [overview.data.status, loadOverview]);
  const data = overview.data.data;

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header view-header-row">
        <div>
          <h1 id="view-title" tabIndex={-1}>Overview</h1>
          <p className="view-lede">Where requests went, what was found, and what the cloud cost.</p>
        </div>
        <div className="segmented" role="group" aria-label="Time range">
          {ranges.map((range) => (
            <button key={range.id} type="button" className="button" aria-pressed={overview.range === range.id} onClick={() => void loadOverview(range.id)}>
              {range.label}
            </button>
          ))}
        </div>
      </header>
      {overview.data.status === "error" && !data ? (
        <ErrorState error={overview.data.error} onRetry={() => void loadOverview()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <BudgetCard budgets={data.budgets} />
          {data.total.records === 0 ? <EmptyState title="No requests in this window">Requests routed through the gateway are counted here.</EmptyState> : <OverviewBody data={data} />}
        </>
      )}
    </section>
  );
}

function OverviewBody({ data }: { data: OverviewData }) {
  const share = routeShare(data.total);
  const points = fillBuckets(data.series, data.since, data.until);
  const label = (start: string) => (data.series.bucket === "hour" ? formatHour(start) : formatDay(start));
  const savings = points.reduce<number | null>((sum, point) => (point.estimatedSavingsUsd === null ? sum : (sum ?? 0) + point.estimatedSavingsUsd), null);
  const findings = findingsByFrequency(data.total.findingsByType);
  return (
    <div className="overview">
      <div className="stat-grid">
        <Stat label="Requests" value={formatInteger(data.total.records)} />
        <Stat label="Served on this machine" value={share.total ? formatPercent(share.local / share.total) : "—"} detail={`${formatInteger(share.local)} local · ${formatInteger(share.cloud)} cloud · ${formatInteger(share.blocked)} blocked`} />
        <Stat label="Cloud spend" value={formatUsd(data.total.costUsd)} detail="from the configured prices; budgets are set in routing.budgets" />
        <Stat
          label="Estimated savings"
          value={formatUsd(savings)}
          detail={data.series.savingsPricedAs ? `local answers priced as ${data.series.savingsPricedAs}` : "no priced strong model (routing.strong) to compare with"}
        />
      </div>
      <section className="card card-wide" aria-labelledby="routes-chart">
        <h2 id="routes-chart">Requests by route</h2>
        <StackedBars
          title="Requests by route over time"
          keys={["local", "cloud", "blocked"]}
          series={points.map((point) => ({
            label: label(point.start),
            values: [
              { key: "local", value: point.local },
              { key: "cloud", value: point.cloud },
              { key: "blocked", value: point.blocked },
            ],
          }))}
        />
      </section>
      <section className="card card-wide" aria-labelledby="spend-chart">
        <h2 id="spend-chart">Spend and savings (USD)</h2>
        <StackedBars
          title="Cloud spend and estimated savings over time"
          keys={["spend", "savings"]}
          series={points.map((point) => ({
            label: label(point.start),
            values: [
              { key: "spend", value: point.costUsd },
              { key: "savings", value: point.estimatedSavingsUsd ?? 0 },
            ],
          }))}
        />
      </section>
      <section className="card" aria-labelledby="findings-chart">
        <h2 id="findings-chart">Findings by type</h2>
        {findings.length === 0 ? <p className="muted">Nothing sensitive was found in this window.</p> : <HorizontalBars title="Findings by type" entries={findings.map((entry) => ({ label: entry.type, value: entry.count }))} />}
      </section>
      <section className="card" aria-labelledby="clients-chart">
        <h2 id="clients-chart">Requests by client</h2>
        <HorizontalBars title="Requests by client" entries={Object.entries(data.total.byClient).map(([client, count]) => ({ label: client, value: count })).sort((a, b) => b.value - a.value)} />
      </section>
    </div>
  );
}

/** Spend against each cap of `routing.budgets`, as the gateway counts it before a cloud request. */
function BudgetCard({ budgets }: { budgets: BudgetStatus }) {
  const meters = budgetMeterViews(budgets);
  return (
    <section className="card card-wide budget-card" aria-labelledby="budget-title">
      <h2 id="budget-title">Spend vs budget</h2>
      {meters.length === 0 ? (
        <p className="muted">No budget is set. Caps per day or month, in total or per provider, go in routing.budgets in the config.</p>
      ) : (
        <>
          <ul className="budget-meters">
            {meters.map((meter) => (
              <li key={meter.key} className={`budget-meter budget-${meter.level}`}>
                <span className="budget-label">{meter.label}</span>
                <meter min={0} max={1} low={0.8} high={0.99} optimum={0} value={meter.fraction} aria-label={`${meter.label}: ${formatUsd(meter.spentUsd)} of ${formatUsd(meter.capUsd)}`} />
                <span className="budget-figures">
                  {formatUsd(meter.spentUsd)} of {formatUsd(meter.capUsd)}
                  {meter.level === "reached" ? " · reached" : ""}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">{whenExceededText(budgets)}</p>
        </>
      )}
    </section>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <p className="stat-label">{label}</p>
      <p className="stat-value">{value}</p>
      {detail ? <p className="stat-detail">{detail}</p> : null}
    </div>
  );
}
