import { readFileSync } from "node:fs";
import { processCpuMilliseconds } from "./process-cpu-time.js";

/** Busy and total CPU time of the whole machine so far, in milliseconds, from /proc/stat. */
interface MachineCpu {
  busy: number;
  total: number;
}

function readMachineCpu(): MachineCpu | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the unused time.
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const unused = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: ((total - unused) * 1000) / 100, total: (total * 1000) / 100 };
  } catch {
    return undefined;
  }
}

/**
 * How much of the machine's CPU time went to work other than this benchmark's own processes
 * while it ran. On a shared machine this says how far to trust a run: other work competes with
 * the gateways and the load generator alike, and widens p99 above all.
 */
export class MachineLoadMeter {
  readonly #start = readMachineCpu();
  readonly #ownStart = new Map<number, number>();

  /** Registers one of the benchmark's processes; a child started during the run counts from zero. */
  track(pid: number | undefined, startedDuringRun: boolean): void {
    const used = startedDuringRun ? 0 : processCpuMilliseconds(pid);
    if (pid !== undefined && used !== undefined) this.#ownStart.set(pid, used);
  }

  /** The share (0 to 1) of all CPU time that other work used since the start; call before stopping the tracked processes. */
  othersShare(): number | undefined {
    const end = readMachineCpu();
    if (this.#start === undefined || end === undefined) return undefined;
    let own = 0;
    for (const [pid, startUsed] of this.#ownStart) own += (processCpuMilliseconds(pid) ?? startUsed) - startUsed;
    const total = end.total - this.#start.total;
    return total > 0 ? Math.max(0, (end.busy - this.#start.busy - own) / total) : undefined;
  }
}
