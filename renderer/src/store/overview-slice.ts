import type { StateCreator } from "zustand";
import type { BudgetStatus, SeriesPoint, SummarySeries } from "../../../shared/admin-api.js";
import type { AuditSummary } from "../../../shared/audit-query.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

/** The overview's windows: 24 hours in hours, 7 or 30 days in days. */
export type OverviewRange = "day" | "week" | "month";

export interface OverviewData {
  range: OverviewRange;
  since: string;
  until: string;
  total: AuditSummary;
  series: SummarySeries;
  /** Spend against `routing.budgets` now (today and this month, whatever the window). */
  budgets: BudgetStatus;
}

export interface OverviewSlice {
  overview: { range: OverviewRange; data: Loadable<OverviewData> };
  loadOverview(range?: OverviewRange, now?: Date): Promise<void>;
}

export const initialOverview: OverviewSlice["overview"] = { range: "week", data: idle() };

const hourMs = 3_600_000;

/** The window for a range ending at the next full hour (so repeated loads ask the same question). */
export function overviewWindow(range: OverviewRange, now: Date): { bucket: "hour" | "day"; since: string; until: string } {
  const end = Math.ceil(now.getTime() / hourMs) * hourMs;
  const hours = range === "day" ? 24 : range === "week" ? 7 * 24 : 30 * 24;
  return { bucket: range === "day" ? "hour" : "day", since: new Date(end - hours * hourMs).toISOString(), until: new Date(end).toISOString() };
}

/**
 * One point per bucket of the window, empty buckets included (the gateway may leave them out),
 * so a chart's columns stand for equal stretches of time.
 */
export function fillBuckets(series: SummarySeries, since: string, until: string): SeriesPoint[] {
  const sizeMs = series.bucket === "hour" ? hourMs : 24 * hourMs;
  const byStart = new Map(series.points.map((point) => [new Date(point.start).getTime(), point]));
  const points: SeriesPoint[] = [];
  const first = new Date(since).getTime();
  const end = new Date(until).getTime();
  // Align to the gateway's buckets: they start on whole hours, or on whole days (UTC).
  const aligned = series.bucket === "hour" ? Math.floor(first / hourMs) * hourMs : Math.floor(first / sizeMs) * sizeMs;
  for (let start = aligned; start < end; start += sizeMs) {
    points.push(
      byStart.get(start) ?? { start: new Date(start).toISOString(), requests: 0, local: 0, cloud: 0, blocked: 0, findingsByType: {}, costUsd: 0, estimatedSavingsUsd: null, promptTokens: 0, completionTokens: 0 },
    );
  }
  // A point the gateway sent that does not sit on our grid is still counted, not dropped.
  for (const point of series.points) if (!points.includes(point)) points.push(point);
  return points.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export function createOverviewSlice(api: AdminApi): StateCreator<AppState, [], [], OverviewSlice> {
  return (set, get) => ({
    overview: initialOverview,
    async loadOverview(range = get().overview.range, now = new Date()) {
      set((state) => ({ overview: { range, data: loading(state.overview.data) } }));
      const { bucket, since, until } = overviewWindow(range, now);
      try {
        const [total, series, status] = await Promise.all([api.summary({ since, until }), api.series(bucket, since, until), api.status()]);
        get().reportReachable();
        if (get().overview.range !== range) return;
        set({ overview: { range, data: ready({ range, since, until, total, series, budgets: status.budgets }) } });
      } catch (error) {
        const described = get().reportFailure(error);
        if (get().overview.range === range) set((state) => ({ overview: { range, data: failed(state.overview.data, described) } }));
      }
    },
  });
}
