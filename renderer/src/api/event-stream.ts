import { EventSourceParserStream } from "eventsource-parser/stream";
import type { AdminEvent } from "../../../shared/admin-api.js";
import type { AppStore } from "../store/create-app-store.js";
import { sessionHeaders } from "./session-secret.js";

export const eventStreamPath = "/admin/v1/events";

/** Waits between reconnects: 1 s, doubling with each connection that failed in a row, at most 30 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/** What one admin event changes in the store. Pure apart from the store calls, so tests feed it events. */
export function applyAdminEvent(store: AppStore, event: AdminEvent): void {
  const state = store.getState();
  switch (event.type) {
    case "stream.open":
      state.setEventStreamState("open");
      state.reportReachable();
      state.receiveLocalOnly(event.localOnly, event.policyVersion);
      // Events sent while we were away are not replayed: fetch what is shown again.
      void state.seedLive();
      return;
    case "request.started":
      state.receiveRequestStarted(event.request);
      return;
    case "request.finished":
      state.receiveRequestFinished(event.request);
      state.noteEventReceived(event.request.finishedAt ?? event.request.startedAt);
      return;
    case "local-only":
      state.receiveLocalOnly(event.state);
      return;
    case "config":
      void state.loadGateway();
      if (state.providers.list.status !== "idle") void state.loadProviders();
      if (state.policy.document.status !== "idle" && state.policy.draft === null) void state.loadPolicy();
      return;
    case "model":
      state.receiveModelEvent(event);
      return;
    case "audit.verify":
      state.receiveVerification(event.verification);
      return;
  }
}

/** Longest single event the page will buffer; the gateway's events are far smaller. */
const maxEventCharacters = 1_000_000;

/**
 * Feeds the store from the gateway's SSE event stream. It is read with `fetch` and an SSE parser
 * rather than EventSource, which cannot send the session header. After the stream ends or
 * breaks it connects again: soon after a stream that had opened, later and later after each
 * connection that failed in a row (the session ended, the gateway went away), when a probe call
 * also tells the banner why. Each `stream.open` re-fetches what is shown. Returns a function
 * that closes the stream.
 */
export function connectEventStream(store: AppStore, probe: () => Promise<unknown>): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let closed = false;

  const retry = (opened: boolean): void => {
    if (closed) return;
    store.getState().setEventStreamState("retrying");
    failures = opened ? 1 : failures + 1;
    if (!opened) {
      probe().then(
        () => store.getState().reportReachable(),
        (error: unknown) => store.getState().reportFailure(error),
      );
    }
    timer = setTimeout(() => void open(), reconnectDelayMs(failures));
  };

  const open = async (): Promise<void> => {
    if (closed) return;
    timer = null;
    store.getState().setEventStreamState(failures === 0 ? "connecting" : "retrying");
    const current = new AbortController();
    controller = current;
    let opened = false;
    try {
      const response = await fetch(eventStreamPath, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { accept: "text/event-stream", ...sessionHeaders() },
        signal: current.signal,
      });
      if (!response.ok || response.body === null || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`The event stream answered ${response.status}.`);
      }
      opened = true;
      failures = 0;
      const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream({ maxBufferSize: maxEventCharacters }));
      const reader = messages.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        let event: AdminEvent;
        try {
          event = JSON.parse(value.data) as AdminEvent;
        } catch {
          continue;
        }
        applyAdminEvent(store, event);
      }
    } catch {
      // A refused or broken stream: handled below, like one that ended.
    }
    if (current.signal.aborted) return;
    current.abort();
    retry(opened);
  };

  void open();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    controller?.abort();
    store.getState().setEventStreamState("closed");
  };
}
