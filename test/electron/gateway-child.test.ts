import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { SupervisorMessage } from "../../shared/desktop-messages.js";
import { gatewayArguments } from "../../electron/main/gateway-process.js";
import { GatewaySupervisor, type GatewayChild, type GatewayState } from "../../electron/main/gateway-supervisor.js";
import { defaultRestartPolicy } from "../../electron/main/restart-policy.js";
import { assertBuilt, runCli } from "../support/run-cli.js";

/*
 * The real gateway CLI (`serve`, built in dist/) under the real supervisor. The only stand-in is
 * Electron's utilityProcess: a Node child running bin/privacy-router.js (as main.ts forks it)
 * whose `process.parentPort` rides on fork's IPC channel (fake-utility-process.mjs), so the
 * message protocol, the restart policy and the clean stop run for real.
 */

const shim = fileURLToPath(new URL("./fake-utility-process.mjs", import.meta.url));
const cliPath = fileURLToPath(new URL("../../bin/privacy-router.js", import.meta.url));
const keychainService = `privacy-router-test-${randomUUID()}`;
const dataDirs: string[] = [];

interface ForkedChildren {
  children: Array<ReturnType<typeof fork>>;
  fork: () => GatewayChild;
}

function forkGatewayChildren(dataDir: string): ForkedChildren {
  const children: Array<ReturnType<typeof fork>> = [];
  return {
    children,
    fork: () => {
      const child = fork(shim, [cliPath, ...gatewayArguments(dataDir)], {
        env: { ...process.env, PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        // Not the test runner's own flags: the child is a plain Node process, like a utilityProcess.
        execArgv: [],
      });
      child.stderr?.resume();
      children.push(child);
      return {
        postMessage: (message: SupervisorMessage) => void child.send(message),
        kill: () => void child.kill("SIGKILL"),
        onMessage: (listener) => void child.on("message", listener),
        onExit: (listener) => void child.on("exit", (code, signal) => listener(code ?? (signal === "SIGKILL" ? 137 : 1))),
      };
    },
  };
}

function freshDataDir(config: Record<string, unknown>): string {
  const dataDir = mkdtempSync(join(tmpdir(), "pr-desktop-"));
  dataDirs.push(dataDir);
  writeFileSync(join(dataDir, "config.yaml"), stringify(config));
  return dataDir;
}

/** Resolves with the first state that satisfies `predicate` (the current one included). */
function stateWhere(supervisor: GatewaySupervisor, states: GatewayState[], predicate: (state: GatewayState) => boolean, timeoutMs = 45_000): Promise<GatewayState> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = (): void => {
      const found = predicate(supervisor.state) ? supervisor.state : undefined;
      if (found) return resolve(found);
      if (Date.now() > deadline) return reject(new Error(`no such state; saw ${JSON.stringify(states)}`));
      setTimeout(check, 20);
    };
    check();
  });
}

function supervise(dataDir: string) {
  const states: GatewayState[] = [];
  const loginUrls: string[] = [];
  const blocked: Array<{ requestId?: string; reason?: string }> = [];
  const forked = forkGatewayChildren(dataDir);
  const supervisor = new GatewaySupervisor({
    fork: forked.fork,
    policy: { ...defaultRestartPolicy, initialDelayMs: 100 },
    onState: (state) => states.push(state),
    onLoginUrl: (url) => loginUrls.push(url),
    onRequestBlocked: (notice) => blocked.push(notice),
  });
  return { supervisor, states, loginUrls, blocked, children: forked.children };
}

beforeAll(() => assertBuilt());

afterEach(() => {
  for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
});

describe("the gateway as a supervised child process", () => {
  it("reports ready over the parent port, follows the local-only switch both ways, survives a crash and stops cleanly", async () => {
    const dataDir = freshDataDir({ server: { port: 0 }, policy: { classes: { secret: "block" } } });
    const created = await runCli(["tokens", "create", "desktop-test", "--json", "--data-dir", dataDir]);
    const token = (JSON.parse(created.stdout) as { token: string }).token;
    const { supervisor, states, loginUrls, blocked, children } = supervise(dataDir);
    supervisor.start();
    try {
      const serving = await stateWhere(supervisor, states, (state) => state.status === "serving");
      if (serving.status !== "serving") throw new Error("unreachable");
      expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(serving.localOnly).toEqual({ on: false, forcedByConfig: false });
      expect((await fetch(`${serving.url}/healthz`)).status).toBe(200);
      // The window signs in with the one-time URL that came with ready, or a fresh one it asks for.
      const fresh = await supervisor.requestLoginUrl();
      expect(loginUrls).toHaveLength(1);
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(loginUrls[0]);
      for (const url of [loginUrls[0] as string, fresh as string]) {
        expect(new URL(url).origin).toBe(serving.url);
        const signIn = await fetch(url, { redirect: "manual" });
        expect(signIn.status).toBe(303);
        expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
      }

      // A request the policy blocks becomes a desktop notice: who sent it and what was found, no values.
      const refused = await fetch(`${serving.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: "deploy with AKIAIOSFODNN7EXAMPLE" }] }),
      });
      expect(refused.status).toBe(403);
      await stateWhere(supervisor, states, () => blocked.length > 0);
      expect(blocked[0]?.requestId).toBe(refused.headers.get("x-privacy-router-request-id"));
      expect(blocked[0]?.reason).toMatch(/^desktop-test: found /);
      expect(JSON.stringify(blocked)).not.toContain("AKIAIOSFODNN7EXAMPLE");

      // The tray's switch goes through the gateway, which owns it (the marker file in the data directory).
      supervisor.setLocalOnly(true);
      await stateWhere(supervisor, states, (state) => state.status === "serving" && state.localOnly.on);
      expect(existsSync(join(dataDir, "local-only"))).toBe(true);
      // A change made elsewhere (`privacy-router local-only off` removes the marker) reaches the tray too.
      rmSync(join(dataDir, "local-only"));
      await stateWhere(supervisor, states, (state) => state.status === "serving" && !state.localOnly.on);

      // A native crash in the model runtime looks like this from outside: the process is gone.
      const first = children[0];
      first?.kill("SIGKILL");
      await stateWhere(supervisor, states, (state) => state.status === "restarting");
      const again = await stateWhere(supervisor, states, (state) => state.status === "serving");
      expect(children).toHaveLength(2);
      if (again.status === "serving") expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    } finally {
      await supervisor.stop();
    }
    expect(supervisor.state.status).toBe("stopped");
    expect(children.at(-1)?.exitCode).toBe(0);
    expect(children.at(-1)?.signalCode).toBeNull();
    // A clean stop released the data directory.
    expect(existsSync(join(dataDir, "gateway.lock"))).toBe(false);
  });

  it("shows a config error as the reason it stopped, without restarting in vain", async () => {
    const dataDir = freshDataDir({ server: { port: "high" } });
    const { supervisor, states, children } = supervise(dataDir);
    supervisor.start();
    const failed = await stateWhere(supervisor, states, (state) => state.status === "failed");
    expect(failed.status === "failed" && failed.reason).toMatch(/server\.port/);
    expect(children).toHaveLength(1);
    expect(states.map((state) => state.status)).toEqual(["starting", "failed"]);
  });
});
