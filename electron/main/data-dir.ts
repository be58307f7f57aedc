import { join, resolve } from "node:path";

/** The folder name under the OS app-data folder; the CLI uses the same (gateway/config/data-dir.ts). */
export const appFolderName = "privacy-router";

/**
 * The data directory the desktop app hands the gateway: `PRIVACY_ROUTER_HOME` when set, else
 * `privacy-router` in the OS app-data folder (Electron's `app.getPath("appData")`: `%APPDATA%`,
 * `~/Library/Application Support`, `$XDG_CONFIG_HOME` or `~/.config`), the same folder the
 * headless CLI picks, so both share config, database and models.
 */
export function desktopDataDir(env: NodeJS.ProcessEnv, appDataPath: string): string {
  if (env.PRIVACY_ROUTER_HOME) return resolve(env.PRIVACY_ROUTER_HOME);
  return join(appDataPath, appFolderName);
}

/**
 * Chromium's own files (cookies, caches, the single-instance lock) go in a subfolder, apart
 * from the gateway's config and database.
 */
export function chromiumProfileDir(dataDir: string): string {
  return join(dataDir, "desktop");
}
