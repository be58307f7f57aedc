import type { AuditFilter, AuditListItem, AuditPage, AuditPageRequest } from "../../../shared/audit-query.js";
import type { Receipt } from "../../../shared/receipt.js";
import { sampleReceipt } from "./sample-receipt.js";
import type { AdminApi } from "../api/admin-api.js";

/** An audit record for store tests. */
export function sampleItem(seq: number, overrides: Partial<Receipt> = {}): AuditListItem {
  return { seq, recordedAt: new Date(Date.UTC(2026, 0, 15, 10, 0, seq)).toISOString(), hash: `hash-${seq}`, contentKept: false, receipt: sampleReceipt({ requestId: `req_${seq}`, startedAt: new Date(Date.UTC(2026, 0, 15, 10, 0, seq)).toISOString(), ...overrides }) };
}

/**
 * An AdminApi whose methods a test replaces one by one; anything not replaced fails loudly, so
 * a test notices a call it did not expect. `calls` records every call with its arguments.
 */
export function fakeAdminApi(overrides: Partial<AdminApi> = {}): AdminApi & { calls: Array<{ method: string; args: unknown[] }> } {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  return new Proxy({ calls } as AdminApi & { calls: typeof calls }, {
    get(target, property: string) {
      if (property === "calls") return calls;
      const override = overrides[property as keyof AdminApi] as ((...args: unknown[]) => unknown) | undefined;
      return (...args: unknown[]) => {
        calls.push({ method: property, args });
        if (!override) return Promise.reject(new Error(`unexpected call: ${property}`));
        return override(...args);
      };
    },
  });
}

/** A log of records served with real keyset semantics: newest first, `before` excludes. */
export function pagedLog(items: readonly AuditListItem[]): (filter: AuditFilter, page: AuditPageRequest) => Promise<AuditPage> {
  return async (filter, page) => {
    const matching = items
      .filter((item) => (filter.route ? item.receipt.route === filter.route : true) && (filter.client ? item.receipt.client === filter.client : true))
      .filter((item) => (page.before === undefined ? true : item.seq < page.before))
      .sort((a, b) => b.seq - a.seq);
    const limit = page.limit ?? 50;
    const records = matching.slice(0, limit);
    const last = records[records.length - 1];
    return { records, nextBefore: matching.length > limit && last ? last.seq : null };
  };
}

/** A promise a test settles by hand, to order answers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}
