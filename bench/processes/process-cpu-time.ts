import { readFileSync } from "node:fs";

/**
 * CPU time a process has used so far (user plus system, all its threads), in milliseconds, or
 * undefined where /proc is not available. Divided by the requests served, it shows what a
 * gateway costs per request, a figure that other work on a busy machine disturbs far less
 * than latency.
 */
export function processCpuMilliseconds(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== "linux") return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the numeric fields follow its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const userTicks = Number(fields[11]);
    const systemTicks = Number(fields[12]);
    return ((userTicks + systemTicks) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

// Linux reports these fields in USER_HZ, which is 100 on every mainstream architecture.
const clockTicksPerSecond = 100;
