import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { assertBuilt } from "../support/run-cli.js";

/*
 * The built main process (dist/electron/main/main.js) run by plain Node, with `electron`
 * resolved to a stand-in (fake-electron/electron.mjs) that reports what the shell does and lets
 * the test click the tray. The gateway it supervises is real (bin/privacy-router.js in a Node
 * child with a parent port). What this cannot show (real Chromium, the real tray) the Playwright
 * smoke test shows where an Electron binary exists.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const mainEntry = join(root, "dist", "electron", "main", "main.js");
const register = fileURLToPath(new URL("./fake-electron/register.mjs", import.meta.url));

interface ShellEvent {
  type: string;
  [key: string]: unknown;
}

interface TrayItem {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
}

class RunningShell {
  readonly events: ShellEvent[] = [];
  stderr = "";
  readonly exited: Promise<number | null>;
  #buffer = "";

  constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on("data", (chunk: Buffer) => {
      this.#buffer += chunk.toString("utf8");
      const lines = this.#buffer.split("\n");
      this.#buffer = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("FAKE-ELECTRON ")) this.events.push(JSON.parse(line.slice("FAKE-ELECTRON ".length)) as ShellEvent);
    });
    process.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => process.on("close", (code) => resolve(code)));
  }

  send(command: Record<string, unknown>): void {
    this.process.stdin.write(`${JSON.stringify(command)}\n`);
  }

  /** The first event after `from` that matches; waits for it (the shell and gateway are real processes). */
  async next(predicate: (event: ShellEvent) => boolean, from = 0, timeoutMs = 45_000): Promise<ShellEvent & { at: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.events.findIndex((event, index) => index >= from && predicate(event));
      if (at >= 0) return { ...(this.events[at] as ShellEvent), at };
      if (Date.now() > deadline) throw new Error(`no such event after ${from}; saw ${JSON.stringify(this.events.map((event) => [event.type, String(event.url ?? event.toolTip ?? event.pid ?? "").slice(0, 60)]))}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  nextTray(predicate: (items: TrayItem[], toolTip: string) => boolean, from = 0) {
    return this.next((event) => event.type === "tray-menu" && predicate(event.items as TrayItem[], String(event.toolTip)), from);
  }
}

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  assertBuilt();
  if (!existsSync(mainEntry)) throw new Error("dist/electron is missing: run `npm run build` first");
});

function startShell(dataDir: string, appData: string): RunningShell {
  const child = spawn(process.execPath, ["--import", register, mainEntry], {
    env: {
      ...process.env,
      PRIVACY_ROUTER_HOME: dataDir,
      FAKE_ELECTRON_APP_DATA: appData,
      PRIVACY_ROUTER_KEYCHAIN_SERVICE: `privacy-router-test-${randomUUID()}`,
    },
  });
  return new RunningShell(child);
}

const localOnlyItem = (items: TrayItem[]) => items.find((item) => item.type === "checkbox" && item.label?.startsWith("Local only"));

describe("the desktop shell's main process (built main.js, Electron stood in)", () => {
  it("supervises the gateway, signs the window in, runs the tray, survives a gateway crash and quits cleanly", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pr-shell-"));
    const appData = mkdtempSync(join(tmpdir(), "pr-shell-appdata-"));
    scratch.push(dataDir, appData);
    writeFileSync(join(dataDir, "config.yaml"), stringify({ server: { port: 0 } }));
    const shell = startShell(dataDir, appData);
    try {
      // Before anything else: Chromium's profile in the data directory's desktop/ folder, every renderer sandboxed.
      expect(await shell.next((event) => event.type === "set-path")).toMatchObject({ name: "userData", value: join(dataDir, "desktop") });
      await shell.next((event) => event.type === "enable-sandbox");
      const forked = await shell.next((event) => event.type === "fork");
      expect(forked).toMatchObject({ modulePath: join(root, "bin", "privacy-router.js"), args: ["serve", "--data-dir", dataDir] });

      const created = await shell.next((event) => event.type === "window-created");
      expect(created.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
      // The window shows a status page until the gateway is ready, then signs in with the one-time URL.
      const signIn = await shell.next((event) => event.type === "window-load" && String(event.url).startsWith("http://"));
      const loginUrl = new URL(String(signIn.url));
      expect(loginUrl.pathname).toBe("/login");
      const origin = loginUrl.origin;
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);

      const serving = await shell.nextTray((items) => items[0]?.label === `Serving ${origin}/v1`);
      expect(localOnlyItem(serving.items as TrayItem[])).toMatchObject({ type: "checkbox", checked: false, enabled: true });

      // The window's guards: popups denied (a safe link goes to the OS browser), navigation held to the gateway.
      shell.send({ do: "window-open", url: "https://docs.example.org/" });
      expect((await shell.next((event) => event.type === "window-open-answer")).answer).toEqual({ action: "deny" });
      await shell.next((event) => event.type === "open-external" && event.url === "https://docs.example.org/");
      shell.send({ do: "navigate", url: "https://evil.example/" });
      expect(await shell.next((event) => event.type === "navigate-answer" && event.url === "https://evil.example/")).toMatchObject({ prevented: true });
      shell.send({ do: "navigate", url: `${origin}/#audit` });
      expect(await shell.next((event) => event.type === "navigate-answer" && event.url === `${origin}/#audit`)).toMatchObject({ prevented: false });

      // The tray's switch pauses cloud traffic through the gateway (the marker file is the gateway's).
      let mark = shell.events.length;
      shell.send({ do: "tray-click", label: "Local only" });
      await shell.nextTray((items) => localOnlyItem(items)?.checked === true, mark);
      expect(existsSync(join(dataDir, "local-only"))).toBe(true);

      // Closing the window keeps the endpoint serving; the tray opens a new one, signed in afresh.
      shell.send({ do: "close-window" });
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      mark = shell.events.length;
      shell.send({ do: "tray-click", label: "Open Privacy Router" });
      const reopened = await shell.next((event) => event.type === "window-load" && String(event.url).startsWith("http://"), mark);
      expect(reopened.url).not.toBe(signIn.url);
      expect(new URL(String(reopened.url)).pathname).toBe("/login");

      // A crash of the gateway (as a native abort in llama.cpp would be): the shell restarts it and signs the window in again.
      mark = shell.events.length;
      process.kill(Number(forked.pid), "SIGKILL");
      await shell.nextTray((items) => String(items[0]?.label).startsWith("Restarting in"), mark);
      const second = await shell.next((event) => event.type === "fork", mark);
      await shell.nextTray((items) => String(items[0]?.label).startsWith("Local only: serving"), second.at);
      const again = await shell.next((event) => event.type === "window-load" && String(event.url).startsWith("http://"), second.at);
      expect(new URL(String(again.url)).pathname).toBe("/login");

      // Quit stops the gateway cleanly, then the app.
      shell.send({ do: "tray-click", label: "Quit" });
      expect(await shell.exited).toBe(0);
      await shell.next((event) => event.type === "quit");
    } finally {
      shell.process.kill();
    }
    expect(existsSync(join(dataDir, "gateway.lock"))).toBe(false);
  });
});
