import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../repository-root.js";

/** Writes one run to `bench/results/` (git-ignored) and returns the file's path. */
export function writeResults(name: string, results: unknown): string {
  const directory = join(repositoryRoot(), "bench", "results");
  mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const path = join(directory, `${name}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
