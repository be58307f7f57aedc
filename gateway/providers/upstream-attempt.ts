import { GatewayError } from "../../shared/errors.js";

/**
 * One call to a provider: the signal handed to the egress gate, which the caller's signal and
 * an idle timer both abort. The timer runs only while the adapter waits on the provider (for
 * headers, or for the next part a reader asked for) and every byte that arrives restarts it,
 * so a long answer that keeps flowing never times out, and a stalled one does, even mid-stream.
 * It is paused while nobody reads, so a slow client is not blamed on the provider.
 */
export class UpstreamAttempt {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abortReason: GatewayError | undefined;

  constructor(callerSignal: AbortSignal, timeoutMs: number) {
    this.#callerSignal = callerSignal;
    this.#timeoutMs = timeoutMs;
    if (callerSignal.aborted) this.#onCallerAbort();
    else callerSignal.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  /** Aborted when the caller gives up or the provider stays silent too long. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why we aborted the upstream request, when we did. */
  get abortReason(): GatewayError | undefined {
    return this.#abortReason;
  }

  abort(reason: GatewayError): void {
    if (this.#controller.signal.aborted) return;
    this.#abortReason = reason;
    this.disarm();
    this.#controller.abort(reason);
  }

  /** Start waiting on the provider. */
  arm(): void {
    if (this.#controller.signal.aborted) return;
    this.disarm();
    this.#timer = setTimeout(this.#onIdle, this.#timeoutMs);
  }

  /** The provider sent something: the wait starts over. */
  touch(): void {
    this.#timer?.refresh();
  }

  disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The call is over: no timer may fire and the caller's signal no longer matters. */
  dispose(): void {
    this.disarm();
    this.#callerSignal.removeEventListener("abort", this.#onCallerAbort);
  }

  /**
   * Waits for `pending`, but gives up as soon as the attempt is aborted, whatever produces it.
   * An egress may ignore the signal, and Node 20's fetch does not error a body that has fully
   * arrived but is not yet read, so a read could otherwise wait forever. A value that arrives
   * too late goes to `discardLate`, to release what it holds.
   */
  race<T>(pending: Promise<T>, discardLate?: (value: T) => void): Promise<T> {
    const signal = this.#controller.signal;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
      pending.then(
        (value) => {
          signal.removeEventListener("abort", onAbort);
          if (signal.aborted) discardLate?.(value);
          else resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  /** Passes the bytes on unchanged, restarting the idle timer with each network read. */
  activityTap(): TransformStream<Uint8Array, Uint8Array> {
    return new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        this.touch();
        controller.enqueue(chunk);
      },
    });
  }

  readonly #onIdle = (): void => {
    this.abort(
      new GatewayError("upstream_timeout", {
        message: `The provider sent nothing for ${this.#timeoutMs} ms, so the request was stopped.`,
        isRetryable: true,
      }),
    );
  };

  readonly #onCallerAbort = (): void => {
    this.abort(new GatewayError("request_aborted"));
  };
}
