import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, sqliteBindingVariable } from "../../gateway/audit/open-database.js";
import { AuditStoreError } from "../../gateway/audit/storage-error.js";
import { electronSqliteBindingPath, ensureElectronSqliteBinding } from "../../scripts/electron-sqlite-binding.mjs";

/*
 * The two-ABI problem: node_modules keeps better-sqlite3 built for Node (npm test, the CLI);
 * the desktop app's gateway opens SQLite through a second build named by
 * PRIVACY_ROUTER_SQLITE_BINDING. Here the "second build" is a copy of Node's, in another folder,
 * which is enough to prove the gateway loads whichever file the variable names.
 */

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../", import.meta.url));
const nodeBuild = join(root, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
const scratch: string[] = [];
const saved = process.env[sqliteBindingVariable];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "pr-two-abi-"));
  scratch.push(dir);
  return dir;
}

afterEach(() => {
  if (saved === undefined) delete process.env[sqliteBindingVariable];
  else process.env[sqliteBindingVariable] = saved;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("the two-ABI problem", () => {
  it("opens the database with the addon PRIVACY_ROUTER_SQLITE_BINDING names", () => {
    const dir = tempDir();
    const binding = join(dir, "better_sqlite3-other-abi.node");
    copyFileSync(nodeBuild, binding);
    process.env[sqliteBindingVariable] = binding;
    const database = openDatabase(join(dir, "privacy-router.sqlite"));
    expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
    database.close();
    // It was this file, not the package's own build, that Node loaded.
    expect(Object.keys(require.cache)).toContain(binding);
  });

  it("refuses to start on a binding that does not exist, saying why, rather than fall back", () => {
    const dir = tempDir();
    process.env[sqliteBindingVariable] = join(dir, "missing.node");
    expect(() => openDatabase(join(dir, "privacy-router.sqlite"))).toThrow(AuditStoreError);
  });

  it("reuses an Electron build already made, keyed by better-sqlite3 and Electron versions, and never touches node_modules", () => {
    const outDir = tempDir();
    const before = digest(nodeBuild);
    const options = { root, electronVersion: "41.7.1", platform: "linux", arch: "x64", outDir };
    const expected = electronSqliteBindingPath(options);
    const sqliteVersion = (require("better-sqlite3/package.json") as { version: string }).version;
    expect(expected).toBe(join(outDir, `better-sqlite3-${sqliteVersion}-electron-41.7.1-linux-x64.node`));
    writeFileSync(expected, "a finished build");
    let logged = 0;
    expect(ensureElectronSqliteBinding({ ...options, log: () => logged++ })).toBe(expected);
    expect(logged).toBe(0);
    expect(digest(nodeBuild)).toBe(before);
  });
});
