import { readFileSync } from "node:fs";

/** The parts of V8's `.cpuprofile` format (what `node --cpu-prof` writes) that are read here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  share: number;
  milliseconds: number;
  name: string;
}

/**
 * The functions a CPU profile spent most time in: `self` counts only the function's own code,
 * `inclusive` also the functions it called (each sample counted once per function on the stack).
 * Enough to see where the time goes without opening a profiler; DevTools shows the rest.
 */
export function summarizeCpuProfile(path: string, limit = 25): { self: ProfileLine[]; inclusive: ProfileLine[]; totalMilliseconds: number } {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((sampleId, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const seen = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
      const node = byId.get(id);
      if (node === undefined) break;
      const name = describe(node.callFrame);
      if (id === sampleId) self.set(name, (self.get(name) ?? 0) + micros);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
      seen.add(name);
    }
  });
  const top = (map: Map<string, number>): ProfileLine[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ share: micros / total, milliseconds: micros / 1000, name }));
  return { self: top(self), inclusive: top(inclusive), totalMilliseconds: total / 1000 };
}

/** `function file:line`, with paths shortened to what follows node_modules/ or dist/bench/. */
function describe(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const file = frame.url.replace(/^.*\/(?:node_modules|dist\/bench)\//, "");
  const name = (frame.functionName || (file === "" ? "(native)" : "(anonymous)")).slice(0, 120);
  return file === "" ? name : `${name} ${file}:${frame.lineNumber + 1}`;
}

export function formatProfileLines(lines: readonly ProfileLine[]): string {
  return lines.map((line) => `${(line.share * 100).toFixed(1).padStart(5)}%  ${line.milliseconds.toFixed(0).padStart(6)} ms  ${line.name}`).join("\n");
}
