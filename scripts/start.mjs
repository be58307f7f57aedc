#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed. Where none is (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a machine that cannot download it), say so and how
// to run the gateway headless, instead of crashing.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { ensureElectronSqliteBinding, sqliteBindingVariable } from "./electron-sqlite-binding.mjs";

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

// The desktop app: build (gateway, UI and shell), make sure better-sqlite3 exists for
// Electron's ABI (once; node_modules keeps Node's build for `npm test`), then launch Electron.
const root = fileURLToPath(new URL("..", import.meta.url));
const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (build.status !== 0) {
  process.stderr.write("privacy-router: the build failed (see above); the desktop app was not started.\n");
  process.exit(1);
}
let sqliteBinding;
try {
  const electronVersion = require("electron/package.json").version;
  sqliteBinding = ensureElectronSqliteBinding({ root, electronVersion, log: (line) => process.stderr.write(`privacy-router: ${line}\n`) });
} catch (error) {
  process.stderr.write(`privacy-router: ${error.message}\n`);
  process.exit(1);
}
const env = { ...process.env, [sqliteBindingVariable]: sqliteBinding };
// Set in some shells and CI images; it would make Electron a plain Node and skip the app.
delete env.ELECTRON_RUN_AS_NODE;
const main = fileURLToPath(new URL("../dist/electron/main/main.js", import.meta.url));
const child = spawn(binary, [main, ...process.argv.slice(2)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("close", (code) => process.exit(code ?? 1));
