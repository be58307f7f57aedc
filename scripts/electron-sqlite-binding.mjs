// The two-ABI problem, solved once (docs/architecture.md, "Two ABIs"). better-sqlite3 in
// node_modules is built for Node's ABI, which `npm test` and the headless CLI need. The desktop
// app runs the same gateway inside Electron, whose ABI differs. So `npm start` keeps a second
// build, for Electron, in .electron-native/ (ignored by git), made once from a copy of the
// package, and the gateway opens SQLite with it when PRIVACY_ROUTER_SQLITE_BINDING names it.
// node_modules is never touched: a failed rebuild there would break `npm test`.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const sqliteBindingVariable = "PRIVACY_ROUTER_SQLITE_BINDING";

function packageVersion(root, name) {
  return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
}

/** Where the Electron build of better-sqlite3 for this Electron version and machine lives. */
export function electronSqliteBindingPath({ root, electronVersion, platform = process.platform, arch = process.arch, outDir = join(root, ".electron-native") }) {
  const sqliteVersion = packageVersion(root, "better-sqlite3");
  return join(outDir, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}.node`);
}

function run(command, args, cwd, timeoutMs) {
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: "utf8", timeout: timeoutMs, env: { ...process.env, npm_config_runtime: "electron" } });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(), timedOut: result.error?.code === "ETIMEDOUT" };
}

/**
 * Returns the path of better-sqlite3 built for Electron, building it first when missing: a
 * prebuilt binary for Electron's ABI (prebuild-install), else a compile against Electron's
 * headers (node-gyp). Both download, so the first `npm start` needs the internet; later ones
 * reuse the file. Throws with a message that says what to do when neither works.
 */
export function ensureElectronSqliteBinding({ root, electronVersion, platform = process.platform, arch = process.arch, outDir = join(root, ".electron-native"), log = () => {} }) {
  const target = electronSqliteBindingPath({ root, electronVersion, platform, arch, outDir });
  if (existsSync(target) && statSync(target).size > 0) return target;

  mkdirSync(outDir, { recursive: true });
  const stage = mkdtempSync(join(outDir, "build-"));
  try {
    const source = join(root, "node_modules", "better-sqlite3");
    // A copy without the Node build, so nothing here can overwrite or delete it.
    for (const entry of ["package.json", "binding.gyp", "src", "deps", "lib"]) {
      if (existsSync(join(source, entry))) cpSync(join(source, entry), join(stage, entry), { recursive: true });
    }
    const built = join(stage, "build", "Release", "better_sqlite3.node");
    const targetArgs = [`--arch=${arch}`, `--target=${electronVersion}`];
    log(`building better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}), once, into ${outDir}`);
    const prebuilt = run(join(root, "node_modules", "prebuild-install", "bin.js"), ["--runtime=electron", `--platform=${platform}`, ...targetArgs], stage, 120_000);
    const failures = [prebuilt.output];
    if (!prebuilt.ok || !existsSync(built)) {
      log("no prebuilt binary could be fetched; compiling against Electron's headers (a few minutes)");
      const compiled = run(
        join(root, "node_modules", "node-gyp", "bin", "node-gyp.js"),
        ["rebuild", "--release", "--runtime=electron", "--dist-url=https://electronjs.org/headers", ...targetArgs],
        stage,
        900_000,
      );
      failures.push(compiled.timedOut ? "the compile took longer than 15 minutes" : compiled.output);
    }
    if (!existsSync(built)) {
      const lastLines = summarize(failures).join("\n    ");
      throw new Error(
        [
          `could not build better-sqlite3 for Electron ${electronVersion}: the desktop app needs it in development, and making it needs the internet (GitHub or electronjs.org) once.`,
          `    ${lastLines}`,
          "  Try again on a network that reaches them, or run the gateway headless: npx privacy-router serve",
        ].join("\n"),
      );
    }
    // Written under a temporary name first: an interrupted copy never looks like a finished build.
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    return target;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The lines of the tools' output that say why: network errors first, else the last few lines. */
function summarize(outputs) {
  const lines = outputs.flatMap((output) => output.split("\n")).map((line) => line.trim()).filter(Boolean);
  const telling = lines.filter((line) => /ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|network connectivity|proxy|HTTP \d{3}|took longer/i.test(line));
  return [...new Set(telling.length > 0 ? telling : lines.slice(-4))].slice(0, 5);
}
