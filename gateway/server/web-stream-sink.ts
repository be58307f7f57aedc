import { Writable } from "node:stream";

export interface WebStreamSink {
  /** What the producer writes to; it waits ('drain') while the reader is behind. */
  writable: Writable;
  /** What the HTTP answer streams. */
  readable: ReadableStream<Uint8Array>;
  /** Ends the answer short, so the client sees an incomplete download as a failed one. */
  fail(error: Error): void;
}

/**
 * A Node `Writable` whose bytes become a web `ReadableStream`, with backpressure both ways: the
 * producer waits while the client reads slowly, and when the client goes away its next write
 * fails, so a long export stops instead of waiting forever for a 'drain' that never comes.
 */
export function webStreamSink(): WebStreamSink {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pending: ((error?: Error | null) => void) | undefined;
  let cancelled = false;
  const release = (error?: Error): void => {
    const callback = pending;
    pending = undefined;
    callback?.(error ?? null);
  };
  const readable = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull() {
        release();
      },
      cancel() {
        cancelled = true;
        release(new Error("the client stopped reading"));
      },
    },
    { highWaterMark: 4 },
  );
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (cancelled) {
        callback(new Error("the client stopped reading"));
        return;
      }
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((controller.desiredSize ?? 0) > 0) callback();
      else pending = callback;
    },
    final(callback) {
      if (!cancelled) controller.close();
      callback();
    },
  });
  return {
    writable,
    readable,
    fail(error) {
      if (cancelled) return;
      cancelled = true;
      try {
        controller.error(error);
      } catch {
        // Already closed.
      }
    },
  };
}
