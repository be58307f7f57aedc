#!/usr/bin/env node
// `npm run test-model -- out.gguf [--shape tiny|qwen-0.5b|llama-1b] [--seed N]`: writes a
// random-weight GGUF for tests and benchmarks. Runs the compiled generator from dist/, which
// `npm install` (prepare) and `npm run build` produce.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/models/generate-test-model.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("test-model: dist/ is missing; run `npm run build` first\n");
  process.exit(1);
}
const { runGenerateTestModel } = await import(entry.href);
// npm runs scripts from the package root; a relative output path means the caller's folder.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
process.exitCode = await runGenerateTestModel(process.argv.slice(2), process.stdout, process.stderr);
