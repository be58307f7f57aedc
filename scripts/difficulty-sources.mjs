// Shared by scripts/fit-difficulty.mjs and scripts/eval-routing.mjs: where the routing set and
// its scorer live, reading the labelled prompts, and loading the estimator's TypeScript without
// a full build. Plain Node, no dependencies beyond TypeScript.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

export const root = fileURLToPath(new URL("..", import.meta.url));
const sourceDir = join(root, "gateway", "policy", "difficulty");

/**
 * The routing set lives beside the checkout in ../shared/eval/routing, or under
 * PRIVACY_ROUTER_EVAL_DIR (the folder holding `routing/`, or `routing/` itself).
 */
export function routingEvalDir() {
  const evalDir = resolve(process.env.PRIVACY_ROUTER_EVAL_DIR ?? join(root, "..", "shared", "eval"));
  for (const candidate of [join(evalDir, "routing"), evalDir]) if (existsSync(join(candidate, "score-router.mjs"))) return candidate;
  throw new Error(`no score-router.mjs under ${evalDir} or ${join(evalDir, "routing")}; set PRIVACY_ROUTER_EVAL_DIR to the folder holding routing/`);
}

/**
 * Transpiles gateway/policy/difficulty (tests left out) into a temporary folder and imports it.
 * The folder imports nothing outside itself, so this needs neither `npm run build` nor a clean
 * build of the rest of the tree; `tsc --noEmit` is what checks its types.
 */
export async function loadDifficultyModules() {
  const outDir = mkdtempSync(join(tmpdir(), "privacy-router-difficulty-"));
  process.on("exit", () => rmSync(outDir, { recursive: true, force: true }));
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
    const { outputText } = ts.transpileModule(readFileSync(join(sourceDir, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
      fileName: file,
    });
    writeFileSync(join(outDir, file.replace(/\.ts$/, ".js")), outputText);
  }
  const load = (name) => import(pathToFileURL(join(outDir, `${name}.js`)).href);
  const [estimate, features, scale, prepare] = await Promise.all([
    load("estimate-difficulty"),
    load("count-difficulty-features"),
    load("feature-scale"),
    load("prepare-text"),
  ]);
  return { ...estimate, ...features, ...scale, ...prepare };
}

export async function loadScorer(dir = routingEvalDir()) {
  return import(pathToFileURL(join(dir, "score-router.mjs")).href);
}

export function readRoutingSet(file) {
  const text = readFileSync(file, "utf8");
  const rows = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  return { rows, sha256: createHash("sha256").update(text).digest("hex") };
}
