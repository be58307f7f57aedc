import { homedir } from "node:os";
import { join, resolve } from "node:path";

const appFolderName = "privacy-router";

/**
 * The OS app-data folder, the same one Electron's `app.getPath("userData")` gives the desktop
 * app, so the headless gateway and the app share config, database and models.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), appFolderName);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), appFolderName);
}

/** `--data-dir`, else `PRIVACY_ROUTER_HOME`, else the OS default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.PRIVACY_ROUTER_HOME) return resolve(env.PRIVACY_ROUTER_HOME);
  return defaultDataDir(env);
}
