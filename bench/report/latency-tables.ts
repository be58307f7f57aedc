import type { CellResult, PathResult } from "./cell-result.js";
import { formatTable } from "./format-table.js";
import type { Summary } from "../statistics/summarize.js";

/**
 * The two tables of a run. Every gateway row is compared with the direct row of the same
 * cell, measured minutes apart at most: "added" is the difference, "ratio" the quotient.
 */
export function latencyTables(cells: readonly CellResult[]): string {
  const endToEnd = cells.filter((cell) => !cell.stream);
  const streams = cells.filter((cell) => cell.stream);
  const sections: string[] = [];
  if (endToEnd.length > 0) {
    sections.push(
      "End-to-end latency, non-stream requests (milliseconds; added = path minus direct, same cell)\n" +
        formatTable(
          ["cell", "path", "n", "p50", "p99", "added p50", "added p99", "ratio p50", "ratio p99", "req/s", "gateway CPU ms/req"],
          endToEnd.flatMap((cell) =>
            rows(
              cell,
              (path) => path.total,
              (path) => [fixed(path.requestsPerSecond, 0), path.gatewayCpuMillisecondsPerRequest === undefined ? "" : fixed(path.gatewayCpuMillisecondsPerRequest)],
            ),
          ),
        ),
    );
  }
  if (streams.length > 0) {
    sections.push(
      "Streams: time to first content, i.e. the first event carrying text (milliseconds)\n" +
        formatTable(
          ["cell", "path", "n", "first p50", "first p99", "added p50", "added p99", "ratio p50", "ratio p99", "whole p50", "whole p99"],
          streams.flatMap((cell) =>
            rows(
              cell,
              (path) => path.firstContent,
              (path) => [fixed(path.total.p50), fixed(path.total.p99)],
            ),
          ),
        ),
    );
  }
  return sections.join("\n\n");
}

function rows(cell: CellResult, metric: (path: PathResult) => Summary | undefined, extra: (path: PathResult) => string[]): string[][] {
  const direct = cell.paths.find((path) => path.path === "direct");
  const baseline = direct === undefined ? undefined : metric(direct);
  return cell.paths.map((path, index) => {
    const summary = metric(path);
    const label = index === 0 ? cell.label : "";
    if (summary === undefined) return [label, path.path, "0", "-", "-", "-", "-", "-", "-", ...extra(path)];
    const compared = baseline !== undefined && path.path !== "direct";
    return [
      label,
      path.path,
      String(summary.count),
      fixed(summary.p50),
      fixed(summary.p99),
      compared ? signed(summary.p50 - baseline.p50) : "",
      compared ? signed(summary.p99 - baseline.p99) : "",
      compared ? `${fixed(summary.p50 / baseline.p50, 1)}x` : "",
      compared ? `${fixed(summary.p99 / baseline.p99, 1)}x` : "",
      ...extra(path),
    ];
  });
}

function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : ""}${value.toFixed(2)}`;
}
