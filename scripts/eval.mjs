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
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
