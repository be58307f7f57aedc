import type { AdminEvent } from "../../../shared/admin-api.js";
import type { AppStore } from "../store/create-app-store.js";

export const eventStreamPath = "/admin/v1/events";

/** Waits between reconnects after the browser gave up on the stream: 1 s, doubling, at most 30 s. */
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

/**
 * Feeds the store from the gateway's SSE event stream. The browser's EventSource reconnects by
 * itself after a dropped connection; when it gives up (the session ended, the gateway went
 * away) we try again with a growing delay, and a probe call tells the banner why. Returns a
 * function that closes the stream.
 */
export function connectEventStream(store: AppStore, probe: () => Promise<unknown>): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let closed = false;

  const open = (): void => {
    if (closed) return;
    store.getState().setEventStreamState(failures === 0 ? "connecting" : "retrying");
    const current = new EventSource(eventStreamPath);
    source = current;
    current.onopen = () => {
      failures = 0;
    };
    current.onmessage = (message: MessageEvent<string>) => {
      let event: AdminEvent;
      try {
        event = JSON.parse(message.data) as AdminEvent;
      } catch {
        return;
      }
      applyAdminEvent(store, event);
    };
    current.onerror = () => {
      store.getState().setEventStreamState("retrying");
      if (current.readyState !== EventSource.CLOSED) return;
      failures += 1;
      probe().then(
        () => store.getState().reportReachable(),
        (error: unknown) => store.getState().reportFailure(error),
      );
      timer = setTimeout(open, reconnectDelayMs(failures));
    };
  };

  open();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    source?.close();
    store.getState().setEventStreamState("closed");
  };
}
