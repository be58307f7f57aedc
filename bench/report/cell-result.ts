import type { PathName } from "../client/target.js";
import type { CellPlan } from "../cell-plan.js";
import type { PathSamples } from "../run-cell.js";
import { summarize, type Summary } from "../statistics/summarize.js";

export interface PathResult {
  path: PathName;
  total: Summary;
  /** Streams only. */
  firstContent: Summary | undefined;
  /** Measured requests over the time spent on them (closed loop, so this is what the path sustained). */
  requestsPerSecond: number;
  /** CPU time of the gateway process per measured request; undefined for direct, or without /proc. */
  gatewayCpuMillisecondsPerRequest: number | undefined;
  /** Every measured latency, in milliseconds, rounded to microseconds, for later analysis. */
  samples: { total: number[]; firstContent: number[] };
}

export interface CellResult {
  id: string;
  label: string;
  promptBytes: number;
  stream: boolean;
  upstreamModel: string;
  concurrency: number;
  requests: number;
  warmup: number;
  paths: PathResult[];
}

export function toCellResult(plan: CellPlan, samples: readonly PathSamples[]): CellResult {
  return {
    id: plan.id,
    label: plan.label,
    promptBytes: Buffer.byteLength(plan.prompt.text),
    stream: plan.stream,
    upstreamModel: plan.upstreamModel,
    concurrency: plan.concurrency,
    requests: plan.requests,
    warmup: plan.warmup,
    paths: samples.map((path) => ({
      path: path.path,
      total: summarize(path.totals),
      firstContent: path.firstContents.length > 0 ? summarize(path.firstContents) : undefined,
      requestsPerSecond: (path.totals.length * 1000) / path.elapsedMilliseconds,
      gatewayCpuMillisecondsPerRequest: path.gatewayCpuMilliseconds === undefined ? undefined : path.gatewayCpuMilliseconds / path.totals.length,
      samples: { total: path.totals.map(roundToMicroseconds), firstContent: path.firstContents.map(roundToMicroseconds) },
    })),
  };
}

function roundToMicroseconds(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000;
}
