import type { Timers } from "./gateway-supervisor.js";

export interface BlockedNotice {
  requestId?: string;
  reason?: string;
}

/**
 * Turns blocked-request notices into native notifications without flooding the desktop: the
 * first one shows at once, later ones within the quiet period are counted and shown as one
 * summary when it ends.
 */
export class BlockedNotifier {
  readonly #show: (title: string, body: string) => void;
  readonly #timers: Timers;
  readonly #quietMs: number;
  #quietTimer: unknown;
  #held = 0;
  #lastReason: string | undefined;

  constructor(show: (title: string, body: string) => void, timers: Timers, quietMs = 30_000) {
    this.#show = show;
    this.#timers = timers;
    this.#quietMs = quietMs;
  }

  notify(notice: BlockedNotice): void {
    if (this.#quietTimer !== undefined) {
      this.#held++;
      this.#lastReason = notice.reason;
      return;
    }
    this.#show("Privacy Router blocked a request", notice.reason ?? "The policy refused it. The audit log has the details.");
    this.#startQuietPeriod();
  }

  dispose(): void {
    if (this.#quietTimer !== undefined) this.#timers.clear(this.#quietTimer);
    this.#quietTimer = undefined;
  }

  #startQuietPeriod(): void {
    this.#quietTimer = this.#timers.set(() => {
      this.#quietTimer = undefined;
      if (this.#held === 0) return;
      const count = this.#held;
      this.#held = 0;
      this.#show(`Privacy Router blocked ${count} more request${count === 1 ? "" : "s"}`, this.#lastReason ?? "The audit log has the details.");
      this.#startQuietPeriod();
    }, this.#quietMs);
  }
}
