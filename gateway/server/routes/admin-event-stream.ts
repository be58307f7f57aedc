import type { Context } from "hono";
import type { AdminEvent, StreamOpenEvent } from "../../../shared/admin-api.js";
import type { AdminEventBus } from "../admin-events.js";
import type { GatewayEnv } from "../gateway-env.js";

export interface EventStreamOptions {
  events: AdminEventBus;
  /** The first event of every connection. */
  opening: () => StreamOpenEvent;
  heartbeatMs?: number;
  /** Events a client may fall behind by before it is dropped. */
  maxBacklog?: number;
}

const encoder = new TextEncoder();

/**
 * `GET /admin/v1/events`: the admin event bus as server-sent events, one JSON `AdminEvent` per
 * message. Publishing only ever enqueues: a client that stops reading piles up events in its own
 * queue, and past `maxBacklog` it is disconnected (its browser reconnects and re-fetches), so a
 * stalled UI never holds up a request. A comment every `heartbeatMs` keeps proxies and the
 * browser from timing the connection out and lets a dead socket be noticed.
 */
export function eventStreamHandler(options: EventStreamOptions) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBacklog = options.maxBacklog ?? 256;
  return function eventStream(context: Context<GatewayEnv>): Response {
    let stop = (): void => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let counter = 0;
        let stopped = false;
        const write = (text: string): void => {
          if (stopped) return;
          if ((controller.desiredSize ?? 0) < -maxBacklog) {
            stop();
            try {
              controller.close();
            } catch {
              // Already closed by the other side.
            }
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        const send = (event: AdminEvent): void => {
          counter += 1;
          write(`id: ${counter}\ndata: ${JSON.stringify(event)}\n\n`);
        };
        const unsubscribe = options.events.subscribe(send);
        const heartbeat = setInterval(() => write(": ping\n\n"), heartbeatMs);
        heartbeat.unref();
        stop = () => {
          if (stopped) return;
          stopped = true;
          unsubscribe();
          clearInterval(heartbeat);
        };
        context.req.raw.signal.addEventListener("abort", stop, { once: true });
        // Tells EventSource how long to wait before reconnecting after a drop.
        write("retry: 2000\n\n");
        send(options.opening());
      },
      cancel() {
        stop();
      },
    });
    context.header("content-type", "text/event-stream; charset=utf-8");
    context.header("cache-control", "no-cache, no-store");
    context.header("x-accel-buffering", "no");
    return context.body(body, 200);
  };
}
