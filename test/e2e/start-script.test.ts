import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const binaryMissing = (() => {
  try {
    require("electron");
    return false;
  } catch {
    return true;
  }
})();

describe("npm start", () => {
  it.runIf(binaryMissing)("says there is no Electron binary and how to run headless, without crashing", () => {
    const script = fileURLToPath(new URL("../../scripts/start.mjs", import.meta.url));
    const result = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no Electron binary is installed");
    expect(result.stderr).toContain("npx privacy-router serve");
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
