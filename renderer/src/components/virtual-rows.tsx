import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { LiveRow } from "../store/live-slice.js";
import { RequestHeader, RequestRow } from "./request-row.js";

export const requestRowHeight = 40;

/**
 * A virtualised request table: only the rows in view are in the page, so a million-record
 * history scrolls as fast as ten. Rows have one fixed height, so nothing jumps as rows arrive.
 */
export function VirtualRequestRows({ rows, label, withDate = false, onNearEnd }: { rows: readonly LiveRow[]; label: string; withDate?: boolean; onNearEnd?: () => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => requestRowHeight,
    getItemKey: (index) => rows[index]?.start.requestId ?? index,
    overscan: 12,
  });
  const visible = virtualizer.getVirtualItems();
  const lastIndex = visible[visible.length - 1]?.index ?? 0;
  useEffect(() => {
    if (onNearEnd && rows.length > 0 && lastIndex >= rows.length - 25) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  return (
    <div className={withDate ? "table table-dated" : "table"}>
      <RequestHeader />
      <div className="table-body" ref={scrollRef} role="list" aria-label={label}>
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {visible.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div key={item.key} role="listitem" className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
                <RequestRow row={row} withDate={withDate} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
