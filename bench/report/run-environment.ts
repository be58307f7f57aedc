import { spawnSync } from "node:child_process";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** What a reader needs to judge whether two result files can be compared. */
export interface RunEnvironment {
  startedAt: string;
  node: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  memoryGigabytes: number;
  /** The one-minute load average when the run began: other work on the machine skews the figures. */
  loadAverageAtStart: number;
  gitCommit: string;
  placement: string;
}

export function describeEnvironment(placement: string): RunEnvironment {
  return {
    startedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuModel: cpus()[0]?.model ?? "unknown",
    cpuCount: availableParallelism(),
    memoryGigabytes: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg()[0] ?? 0,
    gitCommit: gitCommit(),
    placement,
  };
}

function gitCommit(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return "unknown";
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " (with uncommitted changes)" : ""}`;
}
