import { performance } from "node:perf_hooks";
import type { RequestTiming } from "./send-chat-request.js";

export interface LoadResult {
  totals: number[];
  firstContents: number[];
  elapsedMilliseconds: number;
}

export interface LoadOptions {
  requests: number;
  concurrency: number;
  send: () => Promise<RequestTiming>;
  /** No request starts after this `performance.now()` time, so a slow path cannot stretch a run without bound. */
  deadline?: number;
}

/**
 * A closed loop: `concurrency` clients, each sending its next request as soon as the last one
 * is answered, until `requests` have been sent or the deadline has passed. The first failure
 * stops the run: numbers from a path that answers wrongly would mean nothing.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const totals: number[] = [];
  const firstContents: number[] = [];
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let started = 0;
  const client = async (): Promise<void> => {
    while (started < options.requests && performance.now() < deadline) {
      started += 1;
      const timing = await options.send().catch((error: unknown) => {
        // The other clients stop at their next request instead of running the cell to the end.
        started = options.requests;
        throw error;
      });
      totals.push(timing.totalMilliseconds);
      if (timing.firstContentMilliseconds !== undefined) firstContents.push(timing.firstContentMilliseconds);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, client));
  return { totals, firstContents, elapsedMilliseconds: performance.now() - start };
}
