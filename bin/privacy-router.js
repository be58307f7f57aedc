#!/usr/bin/env node
// The CLI runs the compiled gateway; `npm install` / `npm ci` build it (the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/gateway/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("privacy-router: the gateway is not built yet; run `npm run build` in the repository first\n");
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
