import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { prepareRequest, type PreparedRequest } from "./client/prepared-request.js";
import { runLoad, type LoadResult } from "./client/run-load.js";
import { sendChatRequest } from "./client/send-chat-request.js";
import type { PathName, Target } from "./client/target.js";
import type { CellPlan } from "./cell-plan.js";
import { processCpuMilliseconds } from "./processes/process-cpu-time.js";

/** A path to measure, and the process whose CPU time it costs (none for the direct path). */
export interface MeasuredPath {
  target: Target;
  pid: number | undefined;
}

export interface PathSamples {
  path: PathName;
  totals: number[];
  firstContents: number[];
  elapsedMilliseconds: number;
  /** CPU time the gateway process used during the measured requests; undefined for direct. */
  gatewayCpuMilliseconds: number | undefined;
}

const rounds = 4;

/**
 * Time limits per path and cell, in milliseconds. The request counts bound a run on a healthy
 * gateway; these bound it on a slow one (fewer samples then, which the report shows).
 */
export const timeLimits = { measured: 10_000, warmup: 3_000, reconnect: 1_000, warmUpEverything: 1_500 };

/**
 * Measures every path in one cell. Each path is warmed up first; then the measured requests
 * run in rounds, the paths taking turns in a rotating order, so a burst of noise from other
 * work on the machine lands on all paths alike instead of on whichever ran at that moment.
 */
export async function runCell(plan: CellPlan, measuredPaths: readonly MeasuredPath[]): Promise<PathSamples[]> {
  const paths = measuredPaths.map((measured) => ({
    ...measured,
    agent: new Agent({ keepAlive: true, maxSockets: plan.concurrency }),
    prepared: prepareRequest(measured.target, plan.prompt, { stream: plan.stream, upstreamModel: plan.upstreamModel }),
    samples: { path: measured.target.name, totals: [], firstContents: [], elapsedMilliseconds: 0, gatewayCpuMilliseconds: undefined } as PathSamples,
  }));
  try {
    for (const path of paths) await load(plan, path, plan.warmup, timeLimits.warmup);
    for (let round = 0; round < rounds; round += 1) {
      const share = Math.floor(plan.requests / rounds) + (round < plan.requests % rounds ? 1 : 0);
      for (let turn = 0; turn < paths.length; turn += 1) {
        const path = paths[(round + turn) % paths.length];
        if (path === undefined || share === 0) continue;
        // One request per client, unmeasured: idle keep-alive connections may have closed while the other paths ran.
        await load(plan, path, plan.concurrency, timeLimits.reconnect);
        const cpuBefore = processCpuMilliseconds(path.pid);
        const result = await load(plan, path, share, timeLimits.measured / rounds);
        const cpuAfter = processCpuMilliseconds(path.pid);
        path.samples.totals.push(...result.totals);
        path.samples.firstContents.push(...result.firstContents);
        path.samples.elapsedMilliseconds += result.elapsedMilliseconds;
        if (cpuBefore !== undefined && cpuAfter !== undefined) {
          path.samples.gatewayCpuMilliseconds = (path.samples.gatewayCpuMilliseconds ?? 0) + cpuAfter - cpuBefore;
        }
      }
    }
  } finally {
    for (const path of paths) path.agent.destroy();
  }
  return paths.map((path) => path.samples);
}

/**
 * A few requests of every cell on every path before anything is measured, so the first cell
 * does not pay for code that the JIT compiler has not optimized yet, in the gateways, the
 * upstream or the load generator.
 */
export async function warmUpEverything(plans: readonly CellPlan[], measuredPaths: readonly MeasuredPath[], requestsPerCell = 40): Promise<void> {
  for (const plan of plans) {
    for (const measured of measuredPaths) {
      const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
      const prepared = prepareRequest(measured.target, plan.prompt, { stream: plan.stream, upstreamModel: plan.upstreamModel });
      try {
        await load(plan, { target: measured.target, agent, prepared }, Math.max(requestsPerCell, plan.concurrency), timeLimits.warmUpEverything);
      } finally {
        agent.destroy();
      }
    }
  }
}

function load(plan: CellPlan, path: { target: Target; agent: Agent; prepared: PreparedRequest }, requests: number, timeLimit: number): Promise<LoadResult> {
  const deadline = performance.now() + timeLimit;
  return runLoad({ requests, concurrency: plan.concurrency, send: () => sendChatRequest(path.agent, path.prepared), deadline }).catch((error: unknown) => {
    throw new Error(`${plan.label}, ${path.target.name}: ${(error as Error).message}`, { cause: error });
  });
}
