import { describe, expect, it } from "vitest";
import type { AuditPage } from "../../../shared/audit-query.js";
import { AdminApiError } from "../api/admin-error.js";
import { deferred, fakeAdminApi, pagedLog, sampleItem } from "../test-support/fake-admin-api.js";
import { auditPageSize, normalizeFilter } from "./audit-slice.js";
import { createAppStore } from "./create-app-store.js";

const log = Array.from({ length: auditPageSize * 2 + 10 }, (_, index) => sampleItem(index + 1, { route: index % 3 === 0 ? "local" : "cloud" }));

describe("the audit slice", () => {
  it("pages backwards through the log with the keyset cursor until the last page", async () => {
    const api = fakeAdminApi({ listRequests: pagedLog(log) });
    const store = createAppStore(api);
    await store.getState().setAuditFilter({});
    expect(store.getState().audit.records).toHaveLength(auditPageSize);
    await store.getState().loadMoreAudit();
    await store.getState().loadMoreAudit();
    const { records, nextBefore } = store.getState().audit;
    expect(nextBefore).toBeNull();
    expect(records.map((record) => record.seq)).toEqual(log.map((item) => item.seq).reverse());
    const callsBefore = api.calls.length;
    await store.getState().loadMoreAudit();
    expect(api.calls.length).toBe(callsBefore);
    expect(api.calls[1]?.args[1]).toEqual({ limit: auditPageSize, before: log[log.length - auditPageSize]?.seq });
  });

  it("sends only the filled-in filters, trimmed", async () => {
    const api = fakeAdminApi({ listRequests: pagedLog(log) });
    const store = createAppStore(api);
    await store.getState().setAuditFilter({ route: "local", client: "  ", provider: "" });
    expect(api.calls[0]?.args[0]).toEqual({ route: "local" });
    expect(store.getState().audit.records.every((record) => record.receipt.route === "local")).toBe(true);
    expect(normalizeFilter({ client: " cursor " })).toEqual({ client: "cursor" });
  });

  it("drops the answer to an older query that arrives after a newer one", async () => {
    const slow = deferred<AuditPage>();
    let first = true;
    const api = fakeAdminApi({
      listRequests: (filter, page) => {
        if (first) {
          first = false;
          return slow.promise;
        }
        return pagedLog(log)(filter, page);
      },
    });
    const store = createAppStore(api);
    const older = store.getState().setAuditFilter({ client: "old" });
    await store.getState().setAuditFilter({ route: "cloud" });
    slow.resolve({ records: [sampleItem(999, { client: "old" })], nextBefore: null });
    await older;
    expect(store.getState().audit.filter).toEqual({ route: "cloud" });
    expect(store.getState().audit.records.some((record) => record.receipt.client === "old")).toBe(false);
  });

  it("keeps a refused filter in the view and the connection fine", async () => {
    const store = createAppStore(fakeAdminApi({ listRequests: () => Promise.reject(new AdminApiError("invalid", "Invalid filter: bad route", { status: 400, code: "invalid_request" })) }));
    await store.getState().setAuditFilter({});
    expect(store.getState().audit.status).toBe("error");
    expect(store.getState().audit.error?.message).toContain("Invalid filter");
    expect(store.getState().connection.status).toBe("unknown");
  });
});
