#!/usr/bin/env node
// `npm run eval:routing`: scores the difficulty estimator on the GSM8K routing set with the
// routing scorer, beside the scorer's random router, its two trivial baselines (prompt length,
// keyword count) and the oracle. "Ours, in-sample" is the shipped estimator; "ours, held out"
// refits the whole procedure on nine tenths and scores the tenth it never saw (10-fold, nested).
// The set and scorer live beside the checkout in ../shared/eval/routing, or under
// PRIVACY_ROUTER_EVAL_DIR. `-- --json` prints the figures as JSON; `-- --shuffles N` sets how many
// cross-validation shuffles the held-out spread is taken over (default 5).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { featureMatrix, heldOutScores } from "./difficulty-fitting.mjs";
import { loadDifficultyModules, loadScorer, readRoutingSet, routingEvalDir } from "./difficulty-sources.mjs";

const folds = 10;

function fail(message) {
  process.stderr.write(`eval:routing: ${message}\n`);
  process.exit(1);
}

function runNode(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) fail(`${script} ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

function writePredictions(file, rows, scores) {
  writeFileSync(file, rows.map((row, index) => JSON.stringify({ id: row.id, score: scores[index] })).join("\n") + "\n");
}

const percent = (value) => (value === null || value === undefined ? "n/a" : `${(100 * value).toFixed(1)}%`);
const three = (value) => (value === null || value === undefined ? "n/a" : value.toFixed(3));

function renderTable(lines) {
  const header = ["router", "APGR", "APGR(11pt)", "CPT(50%)", "CPT(80%)", "APGR 95% bootstrap"];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)].join("\n");
}

async function main() {
  const { values } = parseArgs({ options: { json: { type: "boolean" }, shuffles: { type: "string", default: "5" } } });
  const shuffles = Number(values.shuffles);
  if (!Number.isInteger(shuffles) || shuffles < 1) fail("--shuffles must be a positive integer");
  let dir;
  try {
    dir = routingEvalDir();
  } catch (error) {
    fail(error.message);
  }
  const dataFile = join(dir, "gsm8k.jsonl");
  const scorerFile = join(dir, "score-router.mjs");
  const { rows } = readRoutingSet(dataFile);
  const prompts = rows.map((row) => row.prompt);
  const modules = await loadDifficultyModules();
  const { evaluate } = await loadScorer(dir);

  const started = performance.now();
  const shipped = prompts.map((prompt) => modules.estimateDifficulty(prompt).score);
  const millisecondsPerPrompt = (performance.now() - started) / prompts.length;
  const matrix = featureMatrix(modules, prompts);
  const heldOutRuns = Array.from({ length: shuffles }, (_, index) => heldOutScores(modules, evaluate, prompts, rows, matrix, folds, index + 1));
  const heldOutFigures = heldOutRuns.map((scores) => evaluate(rows.map((row, index) => ({ score: scores[index], weak: +row.weak_correct, strong: +row.strong_correct }))));

  const work = mkdtempSync(join(tmpdir(), "privacy-router-eval-routing-"));
  try {
    const predictions = {
      "ours, in-sample (shipped weights)": shipped,
      [`ours, held out (nested ${folds}-fold, shuffle 1)`]: heldOutRuns[0],
    };
    const files = Object.entries(predictions).map(([name, scores], index) => {
      const file = join(work, `ours-${index}.pred.jsonl`);
      writePredictions(file, rows, scores);
      return [name, file];
    });
    for (const [name, scorer] of [
      ["baseline: prompt length", "length"],
      ["baseline: keyword count", "keywords"],
    ]) {
      const file = join(work, `${scorer}.pred.jsonl`);
      writeFileSync(file, runNode(join(dir, "baseline-scorers.mjs"), ["--data", dataFile, "--scorer", scorer]));
      files.push([name, file]);
    }
    const reports = files.map(([name, file]) => [name, JSON.parse(runNode(scorerFile, ["--data", dataFile, "--pred", file, "--json"]))]);
    const first = reports[0][1];
    // The CLI read the held-out scores back from a file; the in-process figures must agree with it.
    if (Math.abs(reports[1][1].scorer.apgr - heldOutFigures[0].apgr) > 1e-9) fail("held-out APGR from the scorer's CLI and in-process disagree");

    const lines = [];
    for (const [name, report] of reports) {
      const bootstrap = report.scorer.bootstrap;
      lines.push([name, three(report.scorer.apgr), three(report.scorer.apgr11), percent(report.scorer.cpt50), percent(report.scorer.cpt80), bootstrap ? `${three(bootstrap.apgr.low)}..${three(bootstrap.apgr.high)}` : ""]);
      if (name.startsWith("ours, held out") && shuffles > 1) {
        const spread = (key) => {
          const numbers = heldOutFigures.map((figures) => figures[key]);
          const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
          const sd = Math.sqrt(numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (numbers.length - 1));
          return { mean, sd };
        };
        const [apgr, apgr11, cpt50, cpt80] = ["apgr", "apgr11", "cpt50", "cpt80"].map(spread);
        lines.push([
          `ours, held out, mean ± sd of ${shuffles} shuffles`,
          `${three(apgr.mean)}±${three(apgr.sd)}`,
          `${three(apgr11.mean)}±${three(apgr11.sd)}`,
          `${percent(cpt50.mean)}±${(100 * cpt50.sd).toFixed(1)}`,
          `${percent(cpt80.mean)}±${(100 * cpt80.sd).toFixed(1)}`,
          "",
        ]);
      }
    }
    const random = first.random.simulated;
    lines.push(["random router (expected)", "0.500", "0.500", "50.0%", "80.0%", ""]);
    if (random) {
      lines.push([
        `random, 95% of ${random.draws} orders`,
        `${three(random.apgr.low)}..${three(random.apgr.high)}`,
        `${three(random.apgr11.low)}..${three(random.apgr11.high)}`,
        `${percent(random.cpt50.low)}..${percent(random.cpt50.high)}`,
        `${percent(random.cpt80.low)}..${percent(random.cpt80.high)}`,
        "",
      ]);
    }
    lines.push(["oracle", three(first.oracle.apgr), three(first.oracle.apgr11), percent(first.oracle.cpt50), percent(first.oracle.cpt80), ""]);

    if (values.json) {
      const pick = (report) => ({ apgr: report.scorer.apgr, apgr11: report.scorer.apgr11, cpt50: report.scorer.cpt50, cpt80: report.scorer.cpt80, bootstrap: report.scorer.bootstrap });
      process.stdout.write(
        JSON.stringify(
          {
            data: dataFile,
            prompts: rows.length,
            routers: Object.fromEntries(reports.map(([name, report]) => [name, pick(report)])),
            heldOutShuffles: heldOutFigures.map((figures) => ({ apgr: figures.apgr, apgr11: figures.apgr11, cpt50: figures.cpt50, cpt80: figures.cpt80 })),
            random: first.random,
            oracle: first.oracle,
            shippedThresholds: first.scorer.table,
          },
          null,
          1,
        ) + "\n",
      );
      return;
    }
    process.stdout.write(`GSM8K routing set ${dataFile}: ${rows.length} prompts; weak-only ${percent(first.weak_only.accuracy)}, strong-only ${percent(first.strong_only.accuracy)}\n`);
    process.stdout.write(`estimator: ${millisecondsPerPrompt.toFixed(3)} ms per prompt on average over this set, first-call warm-up included (one thread)\n\n`);
    process.stdout.write(`${renderTable(lines)}\n\n`);
    process.stdout.write("shipped estimator: threshold for a share of strong calls on this set (in-sample)\n");
    for (const point of first.scorer.table) {
      process.stdout.write(`  ${percent(point.strong_calls).padStart(6)} strong calls  accuracy ${percent(point.accuracy)}  PGR ${three(point.pgr)}  score >= ${point.threshold === null ? "(none)" : point.threshold.toFixed(4)}\n`);
    }
    process.stdout.write("\nRouteLLM's published GSM8K routers (arXiv 2406.18665) are in docs/routing.md beside these figures.\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
