import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { planCells } from "./cell-plan.js";
import { directTarget, pathNames, type PathName } from "./client/target.js";
import { ensurePortkeyInstalled } from "./gateways/ensure-portkey-installed.js";
import type { RunningGateway } from "./gateways/running-gateway.js";
import { startPortkey } from "./gateways/start-portkey.js";
import { startPrivacyRouter } from "./gateways/start-privacy-router.js";
import { chooseCpuPlacement, pinCurrentProcess } from "./processes/cpu-placement.js";
import { formatProfileLines, summarizeCpuProfile } from "./profile/summarize-cpu-profile.js";
import { MachineLoadMeter } from "./processes/machine-load.js";
import { startNodeChild, waitForReadyMessage } from "./processes/node-child.js";
import { toCellResult, type CellResult } from "./report/cell-result.js";
import { latencyTables } from "./report/latency-tables.js";
import { describeEnvironment } from "./report/run-environment.js";
import { writeResults } from "./report/write-results.js";
import { repositoryRoot } from "./repository-root.js";
import { runCell, warmUpEverything, type MeasuredPath } from "./run-cell.js";

/**
 * `npm run bench`: the latency Privacy Router adds in front of an OpenAI-compatible upstream,
 * next to the latency Portkey's open-source gateway adds in front of the same upstream, and
 * next to calling the upstream directly, all in one run. See bench/README.md.
 */
const usage = `usage: npm run bench -- [--quick] [--scale N] [--paths direct,privacy-router,portkey] [--only TEXT] [--no-pin] [--profile]
  --quick     a tenth of the requests, for a look at the shape (figures are noisier)
  --scale N   multiply every request count by N
  --paths     which paths to measure (direct is always measured: it is the baseline)
  --only      only the cells whose label contains TEXT, e.g. --only "32 KB"
  --no-pin    let the OS place the processes instead of giving the gateway its own CPU
  --profile   run Privacy Router with --cpu-prof; the profile lands in bench/results/`;

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scale: { type: "string" },
    paths: { type: "string" },
    only: { type: "string" },
    "no-pin": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const scale = values.scale === undefined ? (values.quick ? 0.1 : 1) : Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale takes a positive number\n${usage}`);
const paths = new Set<PathName>(["direct", ...parsePaths(values.paths)]);
const cells = planCells(scale).filter((plan) => values.only === undefined || plan.label.includes(values.only));
if (cells.length === 0) throw new Error(`no cell's label contains "${values.only ?? ""}"`);

const placement = chooseCpuPlacement(!values["no-pin"]);
// Described before pinning: a pinned process sees only its own CPUs.
const environment = describeEnvironment(placement.description);
pinCurrentProcess(placement.loadGenerator);
// Installing is slow and noisy: it happens before anything is started or timed.
if (paths.has("portkey")) ensurePortkeyInstalled();

const running: Array<{ stop(): Promise<void> }> = [];
const stopAll = async (): Promise<void> => {
  for (const child of running.reverse()) await child.stop();
};
process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));

const profileDirectory = values.profile ? join(repositoryRoot(), "bench", "results", `profile-${new Date().toISOString().replace(/[:.]/g, "-")}`) : undefined;
if (profileDirectory !== undefined) mkdirSync(profileDirectory, { recursive: true });

const started = Date.now();
const machineLoad = new MachineLoadMeter();
machineLoad.track(process.pid, false);
const results: CellResult[] = [];
const versions: Record<string, string> = {};
let othersShare: number | undefined;
try {
  const upstream = startNodeChild({
    name: "upstream",
    script: fileURLToPath(new URL("./upstream/upstream-process.js", import.meta.url)),
    cpus: placement.loadGenerator,
    ipc: true,
  });
  running.push(upstream);
  machineLoad.track(upstream.process.pid, true);
  const { url: upstreamUrl } = await waitForReadyMessage<{ kind: "ready"; url: string }>(upstream, "the benchmark upstream");

  const measuredPaths: MeasuredPath[] = [{ target: directTarget(upstreamUrl), pid: undefined }];
  const gatewayOptions = { upstreamUrl, cpus: placement.gateway, execArgv: [] };
  const starters: Array<[PathName, () => Promise<RunningGateway>]> = [
    ["privacy-router", () => startPrivacyRouter({ ...gatewayOptions, execArgv: profileDirectory === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", profileDirectory] })],
    ["portkey", () => startPortkey(gatewayOptions)],
  ];
  for (const [name, start] of starters) {
    if (!paths.has(name)) continue;
    const gateway = await start();
    running.push(gateway);
    machineLoad.track(gateway.pid, true);
    measuredPaths.push({ target: gateway.target, pid: gateway.pid });
    versions[name] = gateway.version;
  }

  process.stdout.write(
    `Gateway latency benchmark: ${cells.length} cells, paths ${measuredPaths.map((path) => path.target.name).join(", ")}\n` +
      `  ${environment.cpuCount} CPUs (${environment.cpuModel}), Node ${environment.node}, load average ${environment.loadAverageAtStart.toFixed(2)}\n` +
      `  placement: ${placement.description}\n`,
  );
  process.stdout.write("Warming up every path with every cell's requests ...\n\n");
  await warmUpEverything(cells, measuredPaths);
  for (const [index, plan] of cells.entries()) {
    process.stdout.write(`[${index + 1}/${cells.length}] ${plan.label} (${plan.requests} requests per path) ...`);
    const result = toCellResult(plan, await runCell(plan, measuredPaths));
    results.push(result);
    process.stdout.write(` p50 ${result.paths.map((path) => `${path.path} ${(path.firstContent ?? path.total).p50.toFixed(2)}`).join(", ")} ms\n`);
  }
  othersShare = machineLoad.othersShare();
} finally {
  await stopAll();
}

const seconds = (Date.now() - started) / 1000;
process.stdout.write(`\n${latencyTables(results)}\n\n`);
if (othersShare !== undefined) {
  const busy = othersShare > 0.1 ? ": the figures are noisier than on a quiet machine, p99 above all" : "";
  process.stdout.write(`Other work on this machine used ${(othersShare * 100).toFixed(0)}% of its CPU time during the run${busy}.\n`);
}
const file = writeResults("gateway-latency", { environment: { ...environment, seconds, otherWorkCpuShare: othersShare }, versions, scale, cells: results });
process.stdout.write(`Took ${seconds.toFixed(0)} s. Results: ${file}\n`);
// The profile is written when Privacy Router exits, so it is read after everything stopped.
if (profileDirectory !== undefined) {
  for (const name of readdirSync(profileDirectory)) {
    const path = join(profileDirectory, name);
    const summary = summarizeCpuProfile(path);
    process.stdout.write(
      `\nPrivacy Router CPU profile: ${path} (${summary.totalMilliseconds.toFixed(0)} ms sampled; open it in Chrome DevTools for the full picture)\n` +
        `-- self time (the function's own code)\n${formatProfileLines(summary.self)}\n` +
        `-- inclusive time (with what it called)\n${formatProfileLines(summary.inclusive)}\n`,
    );
  }
}

function parsePaths(text: string | undefined): PathName[] {
  if (text === undefined) return [...pathNames];
  return text.split(",").map((name) => {
    const path = pathNames.find((candidate) => candidate === name.trim());
    if (path === undefined) throw new Error(`unknown path "${name}"; choose from ${pathNames.join(", ")}`);
    return path;
  });
}
