import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config/load-config.js";
import { LocalOnlySwitch } from "../policy/local-only-switch.js";
import { AdminEventBus } from "../server/admin-events.js";
import { blockedReason, openSupervisorChannel, parentPortOf, type ParentPort } from "./supervisor-channel.js";

/** Electron's parentPort as the gateway sees it: `{ data }` events in, postMessage out. */
class FakeParentPort implements ParentPort {
  readonly posted: unknown[] = [];
  readonly listeners = new Set<(event: { data: unknown }) => void>();
  on(_event: "message", listener: (event: { data: unknown }) => void): this {
    this.listeners.add(listener);
    return this;
  }
  off(_event: "message", listener: (event: { data: unknown }) => void): this {
    this.listeners.delete(listener);
    return this;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  deliver(data: unknown): void {
    for (const listener of this.listeners) listener({ data });
  }
}

const dataDirs: string[] = [];
afterEach(() => {
  for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
});

function gatewayIn(forcedByConfig = false) {
  const dataDir = mkdtempSync(join(tmpdir(), "pr-channel-"));
  dataDirs.push(dataDir);
  let issued = 0;
  return {
    dataDir,
    gateway: {
      url: "http://127.0.0.1:8484",
      createLoginUrl: () => `http://127.0.0.1:8484/login#${++issued}`,
      localOnly: new LocalOnlySwitch(dataDir),
      localOnlyForcedByConfig: forcedByConfig,
    },
  };
}

describe("the gateway's end of the desktop channel", () => {
  it("exists only when the process has a parent port", () => {
    expect(parentPortOf({})).toBeUndefined();
    expect(parentPortOf({ parentPort: { postMessage() {} } })).toBeUndefined();
    expect(parentPortOf({ parentPort: new FakeParentPort() })).toBeInstanceOf(FakeParentPort);
    expect(openSupervisorChannel(undefined)).toBeUndefined();
  });

  it("reports ready with a login URL, answers login-url with a fresh one, and flips the switch it owns", () => {
    const port = new FakeParentPort();
    const channel = openSupervisorChannel(port);
    const { dataDir, gateway } = gatewayIn();
    channel?.reportReady(gateway);
    expect(port.posted).toEqual([{ type: "ready", url: "http://127.0.0.1:8484", loginUrl: "http://127.0.0.1:8484/login#1", localOnly: { on: false, forcedByConfig: false } }]);
    port.deliver({ type: "login-url" });
    expect(port.posted.at(-1)).toEqual({ type: "login-url", loginUrl: "http://127.0.0.1:8484/login#2" });
    port.deliver({ type: "set-local-only", on: true });
    expect(existsSync(join(dataDir, "local-only"))).toBe(true);
    expect(port.posted.at(-1)).toEqual({ type: "local-only", on: true, forcedByConfig: false });
    // Anything that is not the protocol changes nothing.
    port.deliver({ type: "set-local-only", on: "false" });
    port.deliver({ type: "set-local-only", on: false, extra: 1 });
    expect(existsSync(join(dataDir, "local-only"))).toBe(true);
    channel?.close();
    expect(port.listeners.size).toBe(0);
  });

  it("reports the local-only switch as on, whatever the supervisor asks, when config forces it", () => {
    const port = new FakeParentPort();
    const channel = openSupervisorChannel(port);
    channel?.reportReady(gatewayIn(true).gateway);
    expect(port.posted[0]).toMatchObject({ localOnly: { on: true, forcedByConfig: true } });
    port.deliver({ type: "set-local-only", on: false });
    expect(port.posted).toHaveLength(1);
    channel?.close();
  });

  it("answers login-url without a URL before it is ready or when the gateway has no UI login", () => {
    const port = new FakeParentPort();
    const channel = openSupervisorChannel(port);
    port.deliver({ type: "login-url" });
    expect(port.posted).toEqual([{ type: "login-url" }]);
    const { gateway } = gatewayIn();
    channel?.reportReady({ url: gateway.url, localOnly: gateway.localOnly, localOnlyForcedByConfig: false });
    expect(port.posted.at(-1)).toEqual({ type: "ready", url: "http://127.0.0.1:8484", localOnly: { on: false, forcedByConfig: false } });
    channel?.close();
  });

  it("calls the shutdown listener, even when shutdown came before the listener", () => {
    const port = new FakeParentPort();
    const early = openSupervisorChannel(port);
    port.deliver({ type: "shutdown" });
    let stopped = 0;
    early?.onShutdown(() => stopped++);
    expect(stopped).toBe(1);
    port.deliver({ type: "shutdown" });
    expect(stopped).toBe(2);
    early?.close();
  });

  it("says whether a failed start is worth retrying, and stops listening so the process can exit", () => {
    const port = new FakeParentPort();
    openSupervisorChannel(port)?.reportStartFailure(new ConfigError("config.yaml: server.port: expected number"));
    expect(port.posted).toEqual([{ type: "start-failed", message: "config.yaml: server.port: expected number", retryable: false }]);
    expect(port.listeners.size).toBe(0);
    const busy = Object.assign(new Error("listen EADDRINUSE: address already in use 127.0.0.1:8484"), { code: "EADDRINUSE" });
    openSupervisorChannel(port)?.reportStartFailure(busy);
    expect(port.posted.at(-1)).toMatchObject({ retryable: false });
    openSupervisorChannel(port)?.reportStartFailure(new Error("SQLITE_IOERR: disk I/O error"));
    expect(port.posted.at(-1)).toMatchObject({ retryable: true });
  });

  it("turns blocked requests on the event bus into notices with types and counts, never values, and follows the UI's switch", () => {
    const port = new FakeParentPort();
    const channel = openSupervisorChannel(port);
    const events = new AdminEventBus();
    const { gateway } = gatewayIn();
    channel?.reportReady({ ...gateway, events });
    const request = {
      requestId: "req_1",
      startedAt: "2026-01-01T00:00:00.000Z",
      finishedAt: "2026-01-01T00:00:00.010Z",
      client: "cursor",
      endpoint: "/v1/chat/completions",
      requestedModel: "gpt-4o",
      route: "blocked" as const,
      action: "block",
      provider: "none",
      model: null,
      status: "blocked" as const,
      httpStatus: 403,
      errorCode: "policy_blocked",
      redactions: 0,
      findings: { API_KEY: 1, EMAIL: 2 },
      latencyMs: 3,
      tokens: null,
      costUsd: null,
      policyVersion: "builtin-1",
    };
    events.publish({ type: "request.finished", request: { ...request, route: "cloud", status: "completed" as never } });
    events.publish({ type: "request.finished", request });
    expect(port.posted.slice(1)).toEqual([{ type: "request-blocked", requestId: "req_1", reason: "cursor: found API_KEY, EMAIL ×2" }]);
    expect(blockedReason({ ...request, findings: {} })).toBe("cursor: policy_blocked");

    // The UI flips the switch through the admin API, which publishes on the bus: the tray hears it at once.
    gateway.localOnly.set(true);
    events.publish({ type: "local-only", state: { on: true, forcedByConfig: false } });
    expect(port.posted.at(-1)).toEqual({ type: "local-only", on: true, forcedByConfig: false });
    channel?.close();
    expect(events.subscriberCount).toBe(0);
  });
});
