import { afterEach, describe, expect, it, vi } from "vitest";
import type { AdminEvent } from "../../../shared/admin-api.js";
import { createAppStore } from "../store/create-app-store.js";
import { fakeAdminApi } from "../test-support/fake-admin-api.js";
import { connectEventStream, eventStreamPath, reconnectDelayMs } from "./event-stream.js";

function memoryStorage(values: Record<string, string>): Pick<Storage, "getItem"> {
  return { getItem: (key) => values[key] ?? null };
}

const encoder = new TextEncoder();

/** An SSE body delivered in the given pieces, then ended (the gateway dropped us). */
function streamOf(pieces: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

function sse(event: AdminEvent, id: number): string {
  return `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`;
}

const opening: AdminEvent = { type: "stream.open", policyVersion: "p1", localOnly: { on: false, forcedByConfig: false } };
const started: AdminEvent = { type: "request.started", request: { requestId: "req_split", startedAt: "2026-03-01T12:00:00.000Z", client: "cursor", endpoint: "/v1/chat/completions", requestedModel: "auto" } };

/** Lets pending promises run (the streams here are in memory) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500; turn++) {
    if (check()) return;
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  }
  expect(check()).toBe(true);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the event stream", () => {
  it("reads events with the session header through a real SSE parser, whatever the chunk boundaries", async () => {
    vi.stubGlobal("sessionStorage", memoryStorage({ "privacy-router.session": "page-secret" }));
    const text = `retry: 2000\n\n${sse(opening, 1)}: ping\n\n${sse(started, 2)}`;
    // Cut everywhere awkward: inside `data:`, inside the JSON, between the two newlines.
    const pieces = [text.slice(0, 5), text.slice(5, 31), text.slice(31, 90), text.slice(90, text.length - 1), text.slice(text.length - 1)];
    const calls: Array<{ url: string; init: RequestInit }> = [];
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (calls.length > 1) {
        ended();
        return new Promise<Response>(() => {});
      }
      return new Response(streamOf(pieces), { status: 200, headers: { "content-type": "text/event-stream; charset=utf-8" } });
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = createAppStore(fakeAdminApi());
    const close = connectEventStream(store, async () => undefined);
    await until(() => store.getState().live.rows.length > 0);
    expect(store.getState().live.rows.map((row) => row.start.requestId)).toEqual(["req_split"]);
    expect(calls[0]?.url).toBe(eventStreamPath);
    expect((calls[0]?.init.headers as Record<string, string>)["x-privacy-router-session"]).toBe("page-secret");
    // The stream ended: it connects again, soon, without a probe.
    await until(() => store.getState().connection.eventStream === "retrying");
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(1));
    await done;
    expect(calls).toHaveLength(2);
    close();
    expect(store.getState().connection.eventStream).toBe("closed");
  });

  it("after a refusal, probes to tell the banner why and backs off longer each time", async () => {
    vi.stubGlobal("sessionStorage", memoryStorage({}));
    let attempts = 0;
    vi.stubGlobal("fetch", async () => {
      attempts += 1;
      return new Response(JSON.stringify({ error: { message: "Sign in first.", code: "login_required" } }), { status: 401, headers: { "content-type": "application/json" } });
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let probes = 0;
    const store = createAppStore(fakeAdminApi());
    const close = connectEventStream(store, async () => {
      probes += 1;
    });
    await until(() => probes === 1);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(1));
    await until(() => probes === 2);
    expect(attempts).toBe(2);
    // The second wait is longer: after only the first wait's length, no third try.
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(1));
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(2) - reconnectDelayMs(1));
    await until(() => attempts === 3);
    close();
  });
});
