import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * Browser tests of the UI against a real gateway. Chromium comes from the system: set
 * PRIVACY_ROUTER_CHROMIUM to its path; without it, Debian's /usr/bin/chromium is used when
 * present, else Playwright's own browser (`npx playwright install chromium` on a Mac).
 */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
const executablePath = process.env.PRIVACY_ROUTER_CHROMIUM || systemChromium;

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "../../test-results/ui/artifacts",
  // One gateway, one browser, in order: the machine is small and the steps build on each other.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "../../test-results/ui/results.json" }]],
  use: {
    browserName: "chromium",
    viewport: { width: 1400, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Keep Chromium off the network: only the gateway on loopback is reachable.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
      ],
    },
  },
});
