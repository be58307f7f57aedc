import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

/**
 * Where each process runs. With two or more CPUs and `taskset`, the gateway under test gets
 * the last CPU to itself, and the load generator and the upstream share the others. Every
 * path is then measured with the same "rest of the world" (client plus upstream on the
 * same CPUs), and a gateway's work never steals time from the client that is timing it.
 */
export interface CpuPlacement {
  description: string;
  /** A `taskset -c` list for the load generator and the upstream; undefined when not pinned. */
  loadGenerator: string | undefined;
  /** A `taskset -c` list for the gateways under test; undefined when not pinned. */
  gateway: string | undefined;
}

export function chooseCpuPlacement(pin: boolean): CpuPlacement {
  const cpus = availableParallelism();
  if (!pin) return { description: `not pinned (${cpus} CPUs shared by every process)`, loadGenerator: undefined, gateway: undefined };
  if (cpus < 2 || !hasTaskset()) {
    return { description: `not pinned (${cpus < 2 ? "a single CPU" : "no taskset"}; ${cpus} CPUs shared)`, loadGenerator: undefined, gateway: undefined };
  }
  const last = cpus - 1;
  const others = last === 1 ? "0" : `0-${last - 1}`;
  return { description: `gateway under test on CPU ${last}; load generator and upstream on CPU ${others}`, loadGenerator: others, gateway: String(last) };
}

function hasTaskset(): boolean {
  return spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Pins this process and all its threads (libuv, V8 helpers). */
export function pinCurrentProcess(cpus: string | undefined): void {
  if (cpus === undefined) return;
  const result = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(process.pid)], { stdio: "ignore" });
  if (result.status !== 0) throw new Error(`taskset could not pin the load generator to CPU ${cpus}`);
}
