/**
 * Hands out a fixed set of items (context sequences) one request at a time. When all are busy,
 * callers wait in arrival order; a caller whose signal aborts leaves the queue at once.
 * Sequences are never shared: two requests on one sequence would corrupt each other's state.
 */
export class SequencePool<Item> {
  private readonly free: Item[];
  private readonly waiters: Array<{ resolve: (item: Item) => void; reject: (reason: unknown) => void; signal: AbortSignal; onAbort: () => void }> = [];
  private closedReason: unknown = undefined;
  private closed = false;

  constructor(items: readonly Item[]) {
    this.free = [...items];
  }

  /** How many callers are waiting for an item. */
  get waiting(): number {
    return this.waiters.length;
  }

  acquire(signal: AbortSignal): Promise<Item> {
    if (this.closed) return Promise.reject(this.closedReason);
    if (signal.aborted) return Promise.reject(signal.reason);
    const item = this.free.pop();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<Item>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(item: Item): void {
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.free.push(item);
      return;
    }
    waiter.signal.removeEventListener("abort", waiter.onAbort);
    waiter.resolve(item);
  }

  /** Rejects every waiter and all later calls; used when the model is disposed. */
  close(reason: unknown): void {
    this.closed = true;
    this.closedReason = reason;
    for (const waiter of this.waiters.splice(0)) {
      waiter.signal.removeEventListener("abort", waiter.onAbort);
      waiter.reject(reason);
    }
  }
}
