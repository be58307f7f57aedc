import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { desktopDataDir } from "../../electron/main/data-dir.js";
import { defaultDataDir, resolveDataDir } from "../../gateway/config/data-dir.js";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../", import.meta.url));

describe("electron-builder.yml", () => {
  const config = parse(readFileSync(join(root, "electron-builder.yml"), "utf8")) as Record<string, unknown>;

  it("is a configuration electron-builder itself accepts", async () => {
    const { validateConfiguration } = require("app-builder-lib/out/util/config/config") as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it("packages the built gateway, UI and shell, unpacks llama.cpp's binaries and rebuilds native modules for Electron", () => {
    expect(config.files).toEqual(expect.arrayContaining(["dist/gateway/**", "dist/shared/**", "dist/electron/**", "dist/renderer/**", "bin/privacy-router.js"]));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(["node_modules/node-llama-cpp/**", "node_modules/@node-llama-cpp/**"]));
    expect(config.npmRebuild).toBe(true);
    expect(config.extraMetadata).toEqual({ main: "dist/electron/main/main.js" });
    const targets = (platform: string) => JSON.stringify((config[platform] as { target: unknown }).target);
    expect(targets("linux")).toContain("AppImage");
    expect(targets("linux")).toContain("deb");
    expect(targets("mac")).toContain("dmg");
    expect(targets("win")).toContain("nsis");
  });
});

describe("the desktop app's data directory", () => {
  it("is the folder the headless CLI uses, on every OS", () => {
    // What Electron's app.getPath("appData") is on each OS.
    const cases: Array<[NodeJS.Platform, NodeJS.ProcessEnv, string]> = [
      ["linux", { XDG_CONFIG_HOME: "/home/ada/.cfg" }, "/home/ada/.cfg"],
      ["linux", {}, join(homedir(), ".config")],
      ["darwin", {}, join(homedir(), "Library", "Application Support")],
      ["win32", { APPDATA: "C:\\Users\\ada\\AppData\\Roaming" }, "C:\\Users\\ada\\AppData\\Roaming"],
    ];
    for (const [platform, env, appData] of cases) {
      expect(desktopDataDir(env, appData), platform).toBe(defaultDataDir(env, platform));
    }
  });

  it("follows PRIVACY_ROUTER_HOME like the CLI does", () => {
    const env = { PRIVACY_ROUTER_HOME: "relative/home" };
    expect(desktopDataDir(env, "/ignored")).toBe(resolveDataDir(undefined, env));
  });
});
