import { parseGatewayMessage, type GatewayMessage, type LocalOnlyState, type SupervisorMessage } from "../../shared/desktop-messages.js";
import { planRestart, type RestartPolicy } from "./restart-policy.js";

/** The gateway process as the supervisor sees it; the real one wraps Electron's utilityProcess. */
export interface GatewayChild {
  postMessage(message: SupervisorMessage): void;
  /** Ends the process at once (the clean way is the `shutdown` message). */
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
}

export type GatewayState =
  | { status: "starting" }
  | { status: "serving"; url: string; localOnly: LocalOnlyState }
  | { status: "restarting"; reason: string; delayMs: number }
  | { status: "failed"; reason: string }
  | { status: "stopping" }
  | { status: "stopped" };

export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface GatewaySupervisorOptions {
  fork: () => GatewayChild;
  policy: RestartPolicy;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  onState?: (state: GatewayState) => void;
  /** A one-time login URL the gateway handed out (with `ready`, or asked for). */
  onLoginUrl?: (loginUrl: string) => void;
  onRequestBlocked?: (notice: { requestId?: string; reason?: string }) => void;
}

const realTimers: Timers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How long an answer to `login-url` may take. */
const loginUrlTimeoutMs = 5_000;

/**
 * Runs the gateway as a child process and keeps it running: restarts it with backoff when it
 * dies (a native crash in the model runtime included), gives up after too many failures in a
 * short time and says why, and stops it cleanly on quit. It knows nothing of Electron: the
 * process comes from `fork`.
 */
export class GatewaySupervisor {
  readonly #options: GatewaySupervisorOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #timers: Timers;
  #state: GatewayState = { status: "stopped" };
  #child: GatewayChild | undefined;
  #failureTimes: number[] = [];
  /** Why the current child said it could not start, if it did. */
  #startFailure: { message: string; retryable: boolean } | undefined;
  #readyTimeout = false;
  #timer: unknown;
  #stopWaiters: Array<() => void> = [];
  #loginUrlWaiters: Array<(loginUrl: string | undefined) => void> = [];

  constructor(options: GatewaySupervisorOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#timers = options.timers ?? realTimers;
  }

  get state(): GatewayState {
    return this.#state;
  }

  /** Starts the gateway; from `failed` or `stopped` this starts over with a clean record. */
  start(): void {
    if (this.#child || this.#state.status === "restarting" || this.#state.status === "stopping") return;
    this.#failureTimes = [];
    this.#spawn();
  }

  /** Stops the gateway cleanly (killing it after the policy's stop timeout) and stops restarting. */
  stop(): Promise<void> {
    this.#clearTimer();
    const child = this.#child;
    if (!child) {
      this.#setState({ status: "stopped" });
      return Promise.resolve();
    }
    const stopped = new Promise<void>((resolve) => this.#stopWaiters.push(resolve));
    if (this.#state.status !== "stopping") {
      this.#setState({ status: "stopping" });
      child.postMessage({ type: "shutdown" });
      this.#timer = this.#timers.set(() => child.kill(), this.#options.policy.stopTimeoutMs);
    }
    return stopped;
  }

  /** A fresh one-time login URL from the running gateway, or undefined (not serving, no answer). */
  requestLoginUrl(): Promise<string | undefined> {
    const child = this.#child;
    if (!child || this.#state.status !== "serving") return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (loginUrl: string | undefined): void => {
        if (settled) return;
        settled = true;
        this.#timers.clear(timeout);
        resolve(loginUrl);
      };
      const timeout = this.#timers.set(() => {
        this.#loginUrlWaiters = this.#loginUrlWaiters.filter((waiter) => waiter !== settle);
        settle(undefined);
      }, loginUrlTimeoutMs);
      this.#loginUrlWaiters.push(settle);
      child.postMessage({ type: "login-url" });
    });
  }

  /** Asks the gateway to flip the local-only switch; the new state arrives as a state change. */
  setLocalOnly(on: boolean): void {
    if (this.#state.status === "serving") this.#child?.postMessage({ type: "set-local-only", on });
  }

  #spawn(): void {
    this.#startFailure = undefined;
    this.#readyTimeout = false;
    this.#setState({ status: "starting" });
    let child: GatewayChild;
    try {
      child = this.#options.fork();
    } catch (error) {
      // The process could not even be created (a missing file, no resources): retrying will not help.
      this.#setState({ status: "failed", reason: `the gateway process could not be started: ${(error as Error).message ?? String(error)}` });
      return;
    }
    this.#child = child;
    child.onMessage((raw) => {
      if (this.#child !== child) return;
      const message = parseGatewayMessage(raw);
      if (message) this.#receive(message);
    });
    child.onExit((code) => {
      if (this.#child === child) this.#exited(code);
    });
    this.#timer = this.#timers.set(() => {
      this.#readyTimeout = true;
      child.kill();
    }, this.#options.policy.readyTimeoutMs);
  }

  #receive(message: GatewayMessage): void {
    switch (message.type) {
      case "ready":
        if (this.#state.status !== "starting") return;
        this.#clearTimer();
        // The URL first: a window that reacts to `serving` can then use it instead of asking.
        if (message.loginUrl) this.#options.onLoginUrl?.(message.loginUrl);
        this.#setState({ status: "serving", url: message.url, localOnly: message.localOnly });
        return;
      case "local-only":
        if (this.#state.status === "serving") this.#setState({ ...this.#state, localOnly: { on: message.on, forcedByConfig: message.forcedByConfig } });
        return;
      case "login-url":
        this.#loginUrlWaiters.shift()?.(message.loginUrl);
        return;
      case "start-failed":
        this.#startFailure = { message: message.message, retryable: message.retryable };
        // It should exit by itself now; make sure it does.
        if (this.#state.status !== "stopping") {
          this.#clearTimer();
          const child = this.#child;
          this.#timer = this.#timers.set(() => child?.kill(), this.#options.policy.stopTimeoutMs);
        }
        return;
      case "request-blocked":
        this.#options.onRequestBlocked?.({
          ...(message.requestId === undefined ? {} : { requestId: message.requestId }),
          ...(message.reason === undefined ? {} : { reason: message.reason }),
        });
        return;
    }
  }

  #exited(code: number): void {
    this.#clearTimer();
    this.#child = undefined;
    for (const waiter of this.#loginUrlWaiters.splice(0)) waiter(undefined);
    if (this.#state.status === "stopping") {
      this.#setState({ status: "stopped" });
      for (const resolve of this.#stopWaiters.splice(0)) resolve();
      return;
    }
    const reason = this.#describeExit(code);
    if (this.#startFailure && !this.#startFailure.retryable) {
      this.#setState({ status: "failed", reason });
      return;
    }
    const now = this.#now();
    this.#failureTimes = [...this.#failureTimes.filter((time) => now - time < this.#options.policy.windowMs), now];
    const plan = planRestart(this.#failureTimes, now, this.#options.policy, this.#random);
    if (plan.action === "give-up") {
      const windowSeconds = Math.round(this.#options.policy.windowMs / 1000);
      this.#setState({ status: "failed", reason: `the gateway stopped ${plan.failuresInWindow} times within ${windowSeconds} s; last: ${reason}` });
      return;
    }
    this.#setState({ status: "restarting", reason, delayMs: plan.delayMs });
    this.#timer = this.#timers.set(() => {
      this.#timer = undefined;
      this.#spawn();
    }, plan.delayMs);
  }

  #describeExit(code: number): string {
    if (this.#startFailure) return this.#startFailure.message;
    if (this.#readyTimeout) return `the gateway did not become ready within ${Math.round(this.#options.policy.readyTimeoutMs / 1000)} s`;
    return `the gateway exited unexpectedly (exit code ${code})`;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }

  #setState(state: GatewayState): void {
    this.#state = state;
    this.#options.onState?.(state);
  }
}
