import { describe, expect, it } from "vitest";
import type { LiveRequest } from "../../../shared/admin-api.js";
import { applyAdminEvent } from "../api/event-stream.js";
import { fakeAdminApi, pagedLog, sampleItem } from "../test-support/fake-admin-api.js";
import { createAppStore, resetAppStore } from "./create-app-store.js";
import { liveRequestOf, mergeLiveRows } from "./live-slice.js";
import { selectLiveRequestIds } from "./selectors.js";

function finished(seq: number, overrides: Partial<LiveRequest> = {}): LiveRequest {
  return { ...liveRequestOf(sampleItem(seq)), ...overrides };
}

describe("the live slice", () => {
  it("shows a request when it starts and completes the same row when it finishes", () => {
    const store = createAppStore(fakeAdminApi());
    const request = finished(1, { route: "local", provider: "local" });
    applyAdminEvent(store, { type: "request.started", request: { requestId: request.requestId, startedAt: request.startedAt, client: "cursor", endpoint: request.endpoint, requestedModel: "auto" } });
    expect(store.getState().live.rows).toHaveLength(1);
    expect(store.getState().live.rows[0]?.finished).toBeNull();
    applyAdminEvent(store, { type: "request.finished", request });
    expect(store.getState().live.rows).toHaveLength(1);
    expect(store.getState().live.rows[0]?.finished?.route).toBe("local");
  });

  it("never turns a finished row back into a running one (events can arrive out of order)", () => {
    const request = finished(2);
    const rows = mergeLiveRows([{ start: { ...request }, finished: request }], [{ start: { ...request }, finished: null }]);
    expect(rows[0]?.finished).toEqual(request);
  });

  it("orders newest first and keeps at most its capacity", () => {
    const incoming = [5, 1, 4, 2, 3].map((seq) => ({ start: finished(seq), finished: finished(seq) }));
    const rows = mergeLiveRows([], incoming, 3);
    expect(rows.map((row) => row.start.requestId)).toEqual(["req_5", "req_4", "req_3"]);
  });

  it("seeds from the log, merging with what events already brought", async () => {
    const items = [1, 2, 3].map((seq) => sampleItem(seq));
    const store = createAppStore(fakeAdminApi({ listRequests: pagedLog(items) }));
    store.getState().receiveRequestFinished(finished(4));
    await store.getState().seedLive();
    expect(selectLiveRequestIds(store.getState())).toEqual(["req_4", "req_3", "req_2", "req_1"]);
    expect(store.getState().live.seeded).toBe(true);
    expect(store.getState().connection.status).toBe("connected");
  });

  it("refetches on stream.open, since events missed while away are not replayed", async () => {
    const api = fakeAdminApi({ listRequests: pagedLog([sampleItem(7)]) });
    const store = createAppStore(api);
    applyAdminEvent(store, { type: "stream.open", policyVersion: "p1", localOnly: { on: false, forcedByConfig: false } });
    await Promise.resolve();
    expect(api.calls.map((call) => call.method)).toContain("listRequests");
    expect(store.getState().connection.eventStream).toBe("open");
  });

  it("goes back to its first state on reset", () => {
    const store = createAppStore(fakeAdminApi());
    store.getState().receiveRequestFinished(finished(1));
    resetAppStore(store);
    expect(store.getState().live.rows).toEqual([]);
  });
});
