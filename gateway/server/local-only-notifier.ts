import type { LocalOnlyState } from "../../shared/admin-api.js";
import type { AdminEventBus } from "./admin-events.js";

/**
 * Publishes a `local-only` event whenever the switch's state changes, whoever flipped it: the
 * admin API, the CLI (`privacy-router local-only on`, another process) or the desktop tray. The
 * switch is a marker file, so a change from outside is seen by a cheap periodic look.
 */
export class LocalOnlyNotifier {
  readonly #read: () => LocalOnlyState;
  readonly #events: AdminEventBus;
  #last: LocalOnlyState;

  constructor(read: () => LocalOnlyState, events: AdminEventBus) {
    this.#read = read;
    this.#events = events;
    this.#last = read();
  }

  /** The state now; publishes it when it differs from the last one seen. */
  check(): LocalOnlyState {
    const state = this.#read();
    if (state.on !== this.#last.on || state.forcedByConfig !== this.#last.forcedByConfig) {
      this.#last = state;
      this.#events.publish({ type: "local-only", state });
    }
    return state;
  }

  /** Looks every `intervalMs` until the returned function is called. */
  watch(intervalMs = 2_000): () => void {
    const timer = setInterval(() => {
      try {
        this.check();
      } catch {
        // A data directory being removed under a stopping gateway: nothing to tell anyone.
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
