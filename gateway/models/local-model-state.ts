/**
 * The local model's lifecycle as the UI and `doctor` see it. Plain data (no native handles)
 * so it can be sent over the admin API as is.
 */
export type LocalModelState =
  | { status: "not-configured" }
  /** Configured; the model loads on the first request that needs it. */
  | { status: "idle"; modelPath: string }
  | { status: "loading"; modelPath: string }
  | {
      status: "ready";
      modelPath: string;
      modelId: string;
      architecture: string;
      fileBytes: number;
      /** The GPU backend in use (`cuda`, `vulkan`, `metal`), or `false` on the CPU. */
      gpu: string | false;
      /** Tokens each request may use (prompt and answer together). */
      contextSize: number;
      /** Requests served at once; more wait their turn. */
      parallelRequests: number;
      loadMilliseconds: number;
    }
  | { status: "error"; modelPath: string; message: string };

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
