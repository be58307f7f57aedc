#!/usr/bin/env node
// `npm test`: build, type-check, lint, then every test inside a private D-Bus session with a
// real (throwaway) Secret Service, so keychain tests run against a real OS keychain.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const resultsDir = mkdtempSync(join(tmpdir(), "privacy-router-test-results-"));
const resultsFile = join(resultsDir, "vitest.json");

const steps = [
  ["build", ["npm", "run", "--silent", "build"]],
  ["type-check", ["npx", "tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["type-check renderer", ["npx", "tsc", "-p", "renderer/tsconfig.json", "--noEmit"]],
  ["lint", ["npx", "eslint", "."]],
  [
    "tests",
    ["bash", "scripts/with-keychain.sh", "npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  ],
  // The UI in Chromium against a real gateway (test/ui); screenshots land in test-results/ui.
  ["ui tests", ["bash", "scripts/with-keychain.sh", "npx", "playwright", "test", "--config", "test/ui/playwright.config.ts"]],
];

for (const [name, [command, ...args]] of steps) {
  process.stdout.write(`\n== ${name}: ${[command, ...args].join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (name === "tests") printSummary();
  if (name === "ui tests") printUiSummary();
  if (result.status !== 0) {
    process.stderr.write(`\nnpm test: the ${name} step failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

/** One plain closing line, whatever reporter ran: `N passed, N failed, N skipped`. */
function printSummary() {
  try {
    const results = JSON.parse(readFileSync(resultsFile, "utf8"));
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  } catch {
    process.stdout.write("\nnpm test: no test results were written\n");
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/** The same line for the browser tests, from Playwright's JSON report. */
function printUiSummary() {
  try {
    const { stats } = JSON.parse(readFileSync(join("test-results", "ui", "results.json"), "utf8"));
    process.stdout.write(`\nUI: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${stats.skipped} skipped\n`);
  } catch {
    process.stdout.write("\nnpm test: no UI test results were written\n");
  }
}
