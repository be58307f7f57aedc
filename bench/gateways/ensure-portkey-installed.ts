import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../repository-root.js";

/** Pinned, so two runs compare the same peer; change it on purpose and note it in the README. */
export const portkeyVersion = "1.15.2";
/**
 * Portkey declares `@hono/node-server` ^1.3.3, which now installs 1.19. From 1.14.2 on, that
 * server's Response hands out a fetch response's immutable headers, and Portkey's streamed
 * answers fail with `TypeError: immutable` (Portkey-AI/gateway issue 1389). The last release
 * before the change is installed beside it, with the `@hono/node-ws` that accepts it.
 */
export const portkeyCompanions: Readonly<Record<string, string>> = { "@hono/node-server": "1.14.1", "@hono/node-ws": "1.2.0" };

/**
 * Portkey's open-source gateway, installed into the git-ignored `bench/.peers/` (never into the
 * repository's own dependencies). Returns the path of its Node entry point.
 */
export function ensurePortkeyInstalled(): string {
  const peers = join(repositoryRoot(), "bench", ".peers");
  const packageDirectory = join(peers, "node_modules", "@portkey-ai", "gateway");
  const installed = (): boolean =>
    installedVersion(packageDirectory) === portkeyVersion &&
    Object.entries(portkeyCompanions).every(([name, version]) => installedVersion(join(peers, "node_modules", name)) === version);
  if (!installed()) {
    process.stdout.write(`Installing @portkey-ai/gateway@${portkeyVersion} into bench/.peers/ ...\n`);
    // --ignore-scripts: its only install script runs patch-package, and the published
    // package ships no patches; the bench should not run install scripts it does not need.
    const result = spawnSync(
      "npm",
      [
        "install",
        "--prefix",
        peers,
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--save-exact",
        `@portkey-ai/gateway@${portkeyVersion}`,
        ...Object.entries(portkeyCompanions).map(([name, version]) => `${name}@${version}`),
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    if (result.status !== 0 || !installed()) {
      throw new Error(`npm could not install @portkey-ai/gateway@${portkeyVersion} into ${peers}`);
    }
  }
  return join(packageDirectory, "build", "start-server.js");
}

function installedVersion(packageDirectory: string): string | undefined {
  const manifest = join(packageDirectory, "package.json");
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version;
}
