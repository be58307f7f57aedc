import type { AdminEvent } from "../../shared/admin-api.js";

/** Events gateway code publishes; `stream.open` is written by the stream itself, per connection. */
export type PublishedAdminEvent = Exclude<AdminEvent, { type: "stream.open" }>;

export type AdminEventListener = (event: PublishedAdminEvent) => void;

/**
 * The in-process bus behind `GET /admin/v1/events`: the request recorder, the local-only
 * switch, the config editor and the model manager publish; each open event stream subscribes.
 * Publishing never waits and never throws: a listener that fails is dropped, so a broken UI
 * connection cannot slow or break a request.
 */
export class AdminEventBus {
  readonly #listeners = new Set<AdminEventListener>();

  publish(event: PublishedAdminEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: AdminEventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get subscriberCount(): number {
    return this.#listeners.size;
  }
}
