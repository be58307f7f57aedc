#!/usr/bin/env node
// `npm test`: build, type-check, lint, then every test inside a private D-Bus session with a
// real (throwaway) Secret Service, so keychain tests run against a real OS keychain.
import { spawnSync } from "node:child_process";

const steps = [
  ["build", ["npm", "run", "--silent", "build"]],
  ["type-check", ["npx", "tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["lint", ["npx", "eslint", "."]],
  ["tests", ["bash", "scripts/with-keychain.sh", "npx", "vitest", "run", ...process.argv.slice(2)]],
];

for (const [name, [command, ...args]] of steps) {
  process.stdout.write(`\n== ${name}: ${[command, ...args].join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`\nnpm test: the ${name} step failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}
