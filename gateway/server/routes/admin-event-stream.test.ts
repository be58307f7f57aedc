import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AdminEventBus } from "../admin-events.js";
import type { GatewayEnv } from "../gateway-env.js";
import { eventStreamHandler } from "./admin-event-stream.js";

const opening = () => ({ type: "stream.open" as const, policyVersion: "builtin-1.test", localOnly: { on: false, forcedByConfig: false } });

function appWith(bus: AdminEventBus, options: { maxBacklog?: number; heartbeatMs?: number } = {}): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  app.get("/events", eventStreamHandler({ events: bus, opening, ...options }));
  return app;
}

async function readUntil(reader: ReadableStreamDefaultReader<string>, done: (text: string) => boolean): Promise<string> {
  let text = "";
  while (!done(text)) {
    const next = await reader.read();
    if (next.done) break;
    text += next.value;
  }
  return text;
}

describe("the admin event stream", () => {
  it("sends the opening event, then every published event as one JSON message with a rising id", async () => {
    const bus = new AdminEventBus();
    const response = await appWith(bus).request("/events");
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    expect(await readUntil(reader, (text) => text.includes("stream.open"))).toContain(`id: 1\ndata: ${JSON.stringify(opening())}\n\n`);
    bus.publish({ type: "local-only", state: { on: true, forcedByConfig: false } });
    expect(await readUntil(reader, (text) => text.includes("local-only"))).toBe('id: 2\ndata: {"type":"local-only","state":{"on":true,"forcedByConfig":false}}\n\n');
    await reader.cancel();
    expect(bus.subscriberCount).toBe(0);
  });

  it("drops a client that stops reading instead of holding events (or requests) for it", async () => {
    const bus = new AdminEventBus();
    const response = await appWith(bus, { maxBacklog: 8 }).request("/events");
    expect(bus.subscriberCount).toBe(1);
    // Nobody reads: the backlog grows until the stream gives up on this client.
    for (let index = 0; index < 100; index++) bus.publish({ type: "config", policyVersion: `v${index}`, change: "config", providerId: null });
    expect(bus.subscriberCount).toBe(0);
    const text = await new Response(response.body).text();
    const delivered = text.split("\n\n").filter((frame) => frame.startsWith("id: "));
    expect(delivered.length).toBeLessThan(20);
  });

  it("keeps the connection alive with comments", async () => {
    const bus = new AdminEventBus();
    const response = await appWith(bus, { heartbeatMs: 5 }).request("/events");
    const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    expect(await readUntil(reader, (text) => text.includes(": ping\n\n"))).toContain(": ping\n\n");
    await reader.cancel();
    expect(bus.subscriberCount).toBe(0);
  });

  it("never lets a failing listener break publishing", () => {
    const bus = new AdminEventBus();
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error("broken");
    });
    bus.subscribe((event) => seen.push(event.type));
    expect(() => bus.publish({ type: "local-only", state: { on: false, forcedByConfig: false } })).not.toThrow();
    expect(seen).toEqual(["local-only"]);
    expect(bus.subscriberCount).toBe(1);
  });
});
