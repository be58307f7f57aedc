import type { LocalModelState } from "../../shared/local-models.js";

/**
 * The local model's lifecycle as the UI and `doctor` see it. The type lives in `shared/` (the UI
 * reads it over the admin API); it is plain data, no native handles.
 */
export type { LocalModelState };

export type LocalModelStateListener = (state: LocalModelState) => void;

/** Holds the current state and tells listeners about each change. */
export class LocalModelStateHolder {
  private current: LocalModelState;
  private readonly listeners = new Set<LocalModelStateListener>();

  constructor(initial: LocalModelState) {
    this.current = initial;
  }

  get state(): LocalModelState {
    return this.current;
  }

  set(next: LocalModelState): void {
    this.current = next;
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch {
        // A failing listener (a closed UI stream) must not break model loading for everyone else.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: LocalModelStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
