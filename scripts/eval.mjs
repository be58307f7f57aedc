#!/usr/bin/env node
// `npm run eval`: runs `privacy-router scan --jsonl` over the labelled PII and secrets sets and
// prints the scorer's tables. The sets live beside the checkout in ../shared/eval, or wherever
// PRIVACY_ROUTER_EVAL_DIR points. `npm run eval -- --json` prints the scorer's JSON instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const evalDir = resolve(process.env.PRIVACY_ROUTER_EVAL_DIR ?? join(root, "..", "shared", "eval"));
const scorer = join(evalDir, "score.mjs");
if (!existsSync(scorer)) {
  process.stderr.write(`eval: no scorer at ${scorer}; set PRIVACY_ROUTER_EVAL_DIR to the folder holding score.mjs\n`);
  process.exit(2);
}
const extra = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "privacy-router-eval-"));
let failed = false;
try {
  for (const set of ["pii-dev", "secrets-dev"]) {
    const gold = join(evalDir, `${set}.jsonl`);
    const input = readFileSync(gold, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const { id, text } = JSON.parse(line);
        return JSON.stringify({ id, text });
      })
      .join("\n");
    const started = performance.now();
    const scan = spawnSync(process.execPath, [join(root, "bin", "privacy-router.js"), "scan", "--jsonl"], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    if (scan.status !== 0) {
      process.stderr.write(`eval: scan failed on ${set}: ${scan.stderr}\n`);
      failed = true;
      continue;
    }
    const predictions = join(work, `${set}.pred.jsonl`);
    writeFileSync(predictions, scan.stdout);
    process.stdout.write(`\n=== ${set} (scan of ${(input.length / 1024).toFixed(0)} KiB took ${seconds.toFixed(2)} s, process start included)\n`);
    const score = spawnSync(process.execPath, [scorer, "--gold", gold, "--pred", predictions, ...extra], { stdio: "inherit" });
    if (score.status !== 0) failed = true;
    if (set === "secrets-dev" && !extra.includes("--json")) process.stdout.write(secretTypeBreakdown(gold, scan.stdout));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/**
 * The scorer counts a document as flagged by a finding of any type. This adds the same rates
 * counting SECRET findings only, and the types behind each flagged negative, so a URL finding
 * in a negative example can be told from a credential the example's rule did not target.
 */
function secretTypeBreakdown(goldFile, predictionLines) {
  const findingsById = new Map();
  for (const line of predictionLines.split("\n")) {
    if (line.trim() === "") continue;
    const { id, findings } = JSON.parse(line);
    findingsById.set(id, findings ?? []);
  }
  let positives = 0;
  let detected = 0;
  let negatives = 0;
  let flagged = 0;
  const flaggedNegatives = [];
  for (const line of readFileSync(goldFile, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line);
    const findings = findingsById.get(record.id) ?? [];
    const secret = findings.some((finding) => finding.type === "SECRET");
    if (record.contains_secret) {
      positives++;
      if (secret) detected++;
    } else {
      negatives++;
      if (secret) flagged++;
      if (findings.length > 0) flaggedNegatives.push(`${record.id} (${[...new Set(findings.map((finding) => finding.type))].join(", ")})`);
    }
  }
  const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
  return [
    "",
    "  SECRET findings only (not the scorer's measure):",
    `  detection rate       ${percent(detected, positives).padStart(6)}  (${detected}/${positives})`,
    `  false-positive rate  ${percent(flagged, negatives).padStart(6)}  (${flagged}/${negatives})`,
    "  negatives flagged by any finding:",
    ...flaggedNegatives.map((entry) => `    ${entry}`),
    "",
  ].join("\n");
}
