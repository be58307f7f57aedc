import type { Receipt } from "../../../shared/receipt.js";
import { routeLabel } from "../store/selectors.js";

/** Where a request went: local, the cloud provider by id, or blocked. Colour is never the only cue. */
export function RouteBadge({ receipt }: { receipt: Pick<Receipt, "route" | "provider"> }) {
  return (
    <span className={`badge badge-${receipt.route}`} data-route={receipt.route} title={receipt.route === "cloud" ? `Cloud: ${receipt.provider}` : undefined}>
      {routeLabel(receipt)}
    </span>
  );
}
