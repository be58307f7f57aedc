#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed. Where none is (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a machine that cannot download it), say so and how
// to run the gateway headless, instead of crashing.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The package's main export is the binary's path; it throws when the binary is missing.
    return require("electron");
  } catch {
    return undefined;
  }
}

const headless = "npx privacy-router serve";
const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    [
      "privacy-router: no Electron binary is installed, so the desktop app cannot start.",
      "  (It was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or could not be downloaded.)",
      `  Run the gateway headless instead:  ${headless}`,
      "  For the desktop app, reinstall on a machine with internet:  npm ci && npm start",
      "",
    ].join("\n"),
  );
  process.exit(1);
}

// The desktop shell is not part of this version yet: run the same gateway headless.
process.stderr.write(`privacy-router: the desktop window is not part of this version yet; starting the gateway headless (${headless}).\n`);
const cli = fileURLToPath(new URL("../bin/privacy-router.js", import.meta.url));
const child = spawn(process.execPath, [cli, "serve", ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("close", (code) => process.exit(code ?? 1));
