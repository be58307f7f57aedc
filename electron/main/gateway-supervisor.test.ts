import { describe, expect, it } from "vitest";
import type { SupervisorMessage } from "../../shared/desktop-messages.js";
import { GatewaySupervisor, type GatewayChild, type GatewayState, type Timers } from "./gateway-supervisor.js";
import { defaultRestartPolicy, planRestart, type RestartPolicy } from "./restart-policy.js";

/** A utilityProcess stand-in: records what the supervisor sent and lets the test speak for the child. */
class FakeChild implements GatewayChild {
  readonly sent: SupervisorMessage[] = [];
  killed = false;
  #messageListener: ((message: unknown) => void) | undefined;
  #exitListener: ((code: number) => void) | undefined;

  postMessage(message: SupervisorMessage): void {
    this.sent.push(message);
  }
  kill(): void {
    this.killed = true;
  }
  onMessage(listener: (message: unknown) => void): void {
    this.#messageListener = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.#exitListener = listener;
  }
  say(message: unknown): void {
    this.#messageListener?.(message);
  }
  exit(code: number): void {
    this.#exitListener?.(code);
  }
  ready(url = "http://127.0.0.1:8484", loginUrl?: string): void {
    this.say({ type: "ready", url, ...(loginUrl ? { loginUrl } : {}), localOnly: { on: false, forcedByConfig: false } });
  }
}

/** Timers the test fires by hand, so nothing depends on the machine's speed. */
class ManualTimers implements Timers {
  now = 0;
  #next = 1;
  readonly pending = new Map<number, { at: number; callback: () => void; delayMs: number }>();
  set(callback: () => void, delayMs: number): unknown {
    const id = this.#next++;
    this.pending.set(id, { at: this.now + delayMs, callback, delayMs });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves the clock to the earliest timer and fires it; returns its delay. */
  fireNext(): number {
    const [id, timer] = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
    if (id === undefined || !timer) throw new Error("no timer is pending");
    this.pending.delete(id);
    this.now = timer.at;
    timer.callback();
    return timer.delayMs;
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

function harness(policy: RestartPolicy = defaultRestartPolicy, random = () => 0.5) {
  const timers = new ManualTimers();
  const children: FakeChild[] = [];
  const states: GatewayState[] = [];
  const loginUrls: string[] = [];
  const blocked: Array<{ requestId?: string; reason?: string }> = [];
  const supervisor = new GatewaySupervisor({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    policy,
    now: () => timers.now,
    random,
    timers,
    onState: (state) => states.push(state),
    onLoginUrl: (url) => loginUrls.push(url),
    onRequestBlocked: (notice) => blocked.push(notice),
  });
  const current = (): FakeChild => {
    const child = children.at(-1);
    if (!child) throw new Error("no child was forked");
    return child;
  };
  return { supervisor, timers, children, states, loginUrls, blocked, current };
}

describe("restart policy", () => {
  it("doubles the delay per failure in the window, with jitter between half and all of it, up to the cap", () => {
    const policy = { ...defaultRestartPolicy, initialDelayMs: 1000, maxDelayMs: 5000, maxFailures: 10 };
    const plan = (failures: number, random: number) => planRestart(Array.from({ length: failures }, () => 0), 0, policy, () => random);
    expect(plan(1, 0)).toEqual({ action: "restart", delayMs: 500, failuresInWindow: 1 });
    expect(plan(1, 1)).toEqual({ action: "restart", delayMs: 1000, failuresInWindow: 1 });
    expect(plan(2, 0)).toMatchObject({ delayMs: 1000 });
    expect(plan(3, 1)).toMatchObject({ delayMs: 4000 });
    expect(plan(4, 1)).toMatchObject({ delayMs: 5000 });
    expect(plan(9, 0.5)).toMatchObject({ delayMs: 3750 });
  });

  it("gives up at the limit within the window and forgets failures older than the window", () => {
    const policy = { ...defaultRestartPolicy, maxFailures: 3, windowMs: 60_000 };
    expect(planRestart([0, 1000, 2000], 2000, policy, () => 0)).toEqual({ action: "give-up", failuresInWindow: 3 });
    expect(planRestart([0, 1000, 70_000], 70_000, policy, () => 0)).toMatchObject({ action: "restart", failuresInWindow: 1 });
  });
});

describe("gateway supervisor", () => {
  it("reports starting, then serving with the gateway's URL once the child says it is ready", () => {
    const { supervisor, states, loginUrls, current } = harness();
    supervisor.start();
    expect(supervisor.state).toEqual({ status: "starting" });
    current().ready("http://127.0.0.1:9000", "http://127.0.0.1:9000/login?code=abc");
    expect(supervisor.state).toEqual({ status: "serving", url: "http://127.0.0.1:9000", localOnly: { on: false, forcedByConfig: false } });
    expect(states.map((state) => state.status)).toEqual(["starting", "serving"]);
    expect(loginUrls).toEqual(["http://127.0.0.1:9000/login?code=abc"]);
  });

  it("ignores messages that are not part of the protocol", () => {
    const { supervisor, current } = harness();
    supervisor.start();
    current().say({ type: "ready", url: "file:///etc/passwd", localOnly: { on: false, forcedByConfig: false } });
    current().say({ type: "ready", url: "http://127.0.0.1:1", localOnly: { on: false, forcedByConfig: false }, extra: 1 });
    current().say("ready");
    expect(supervisor.state.status).toBe("starting");
  });

  it("restarts a child that crashed, after a growing delay, and serves again", () => {
    const { supervisor, timers, children, current } = harness({ ...defaultRestartPolicy, initialDelayMs: 1000 }, () => 1);
    supervisor.start();
    current().ready();
    current().exit(134); // SIGABRT from a native assert in the model runtime
    expect(supervisor.state).toEqual({ status: "restarting", reason: "the gateway exited unexpectedly (exit code 134)", delayMs: 1000 });
    expect(children).toHaveLength(1);
    expect(timers.fireNext()).toBe(1000);
    expect(children).toHaveLength(2);
    expect(supervisor.state.status).toBe("starting");
    current().exit(1);
    expect(supervisor.state).toMatchObject({ status: "restarting", delayMs: 2000 });
    timers.fireNext();
    current().ready();
    expect(supervisor.state.status).toBe("serving");
  });

  it("gives up after too many failures within the window and says why; start() tries again from scratch", () => {
    const { supervisor, timers, children, current } = harness({ ...defaultRestartPolicy, maxFailures: 3 });
    supervisor.start();
    current().exit(1);
    timers.fireNext();
    current().exit(1);
    timers.fireNext();
    current().exit(7);
    expect(supervisor.state).toEqual({ status: "failed", reason: "the gateway stopped 3 times within 60 s; last: the gateway exited unexpectedly (exit code 7)" });
    expect(timers.pending.size).toBe(0);
    expect(children).toHaveLength(3);
    supervisor.start();
    expect(children).toHaveLength(4);
    expect(supervisor.state.status).toBe("starting");
  });

  it("does not count failures that are further apart than the window", () => {
    const { supervisor, timers, current } = harness({ ...defaultRestartPolicy, maxFailures: 2, windowMs: 60_000 });
    supervisor.start();
    current().ready();
    current().exit(1);
    timers.fireNext();
    current().ready();
    timers.advance(61_000);
    current().exit(1);
    expect(supervisor.state.status).toBe("restarting");
  });

  it("stops at once, without retrying, when the child says the failure needs the user (a config error)", () => {
    const { supervisor, timers, current } = harness();
    supervisor.start();
    current().say({ type: "start-failed", message: "config.yaml: server.port must be a number", retryable: false });
    current().exit(1);
    expect(supervisor.state).toEqual({ status: "failed", reason: "config.yaml: server.port must be a number" });
    expect(timers.pending.size).toBe(0);
  });

  it("kills a child that said it failed to start but does not exit", () => {
    const { supervisor, timers, current } = harness();
    supervisor.start();
    current().say({ type: "start-failed", message: "disk I/O error", retryable: true });
    expect(current().killed).toBe(false);
    timers.fireNext();
    expect(current().killed).toBe(true);
    current().exit(9);
    expect(supervisor.state).toMatchObject({ status: "restarting", reason: "disk I/O error" });
  });

  it("kills a child that never becomes ready and counts it as a failure", () => {
    const { supervisor, timers, current } = harness({ ...defaultRestartPolicy, readyTimeoutMs: 30_000 });
    supervisor.start();
    expect(timers.fireNext()).toBe(30_000);
    expect(current().killed).toBe(true);
    current().exit(143);
    expect(supervisor.state).toMatchObject({ status: "restarting", reason: "the gateway did not become ready within 30 s" });
  });

  it("stops cleanly: asks the child to shut down, does not restart it, and resolves when it exited", async () => {
    const { supervisor, timers, current } = harness();
    supervisor.start();
    current().ready();
    let resolved = false;
    const stopped = supervisor.stop().then(() => (resolved = true));
    expect(current().sent).toEqual([{ type: "shutdown" }]);
    expect(supervisor.state.status).toBe("stopping");
    await Promise.resolve();
    expect(resolved).toBe(false);
    current().exit(0);
    await stopped;
    expect(supervisor.state.status).toBe("stopped");
    expect(current().killed).toBe(false);
    expect(timers.pending.size).toBe(0);
  });

  it("kills a child that does not stop within the stop timeout", async () => {
    const { supervisor, timers, current } = harness({ ...defaultRestartPolicy, stopTimeoutMs: 10_000 });
    supervisor.start();
    current().ready();
    const stopped = supervisor.stop();
    expect(timers.fireNext()).toBe(10_000);
    expect(current().killed).toBe(true);
    current().exit(137);
    await stopped;
    expect(supervisor.state.status).toBe("stopped");
  });

  it("stopping while a restart is pending cancels it", async () => {
    const { supervisor, timers, children, current } = harness();
    supervisor.start();
    current().exit(1);
    await supervisor.stop();
    expect(supervisor.state.status).toBe("stopped");
    expect(timers.pending.size).toBe(0);
    expect(children).toHaveLength(1);
  });

  it("asks the child for a fresh login URL and gets undefined when none comes or it is not serving", async () => {
    const { supervisor, timers, current } = harness();
    expect(await supervisor.requestLoginUrl()).toBeUndefined();
    supervisor.start();
    current().ready();
    const first = supervisor.requestLoginUrl();
    expect(current().sent).toEqual([{ type: "login-url" }]);
    current().say({ type: "login-url", loginUrl: "http://127.0.0.1:8484/login?code=one" });
    expect(await first).toBe("http://127.0.0.1:8484/login?code=one");
    const unanswered = supervisor.requestLoginUrl();
    timers.fireNext();
    expect(await unanswered).toBeUndefined();
  });

  it("forwards the local-only switch both ways and blocked-request notices", () => {
    const { supervisor, blocked, current } = harness();
    supervisor.start();
    supervisor.setLocalOnly(true);
    expect(current().sent).toEqual([]);
    current().ready();
    supervisor.setLocalOnly(true);
    expect(current().sent).toEqual([{ type: "set-local-only", on: true }]);
    current().say({ type: "local-only", on: true, forcedByConfig: false });
    expect(supervisor.state).toMatchObject({ status: "serving", localOnly: { on: true, forcedByConfig: false } });
    current().say({ type: "request-blocked", requestId: "req_1", reason: "a secret may not leave this machine" });
    expect(blocked).toEqual([{ requestId: "req_1", reason: "a secret may not leave this machine" }]);
  });

  it("says so when the process cannot be created at all", () => {
    const supervisor = new GatewaySupervisor({
      fork: () => {
        throw new Error("ENOENT: dist/gateway/cli/main.js");
      },
      policy: defaultRestartPolicy,
      timers: new ManualTimers(),
    });
    supervisor.start();
    expect(supervisor.state).toEqual({ status: "failed", reason: "the gateway process could not be started: ENOENT: dist/gateway/cli/main.js" });
  });
});
