import { AsyncLocalStorage } from "node:async_hooks";
import type { FindingType } from "../../shared/findings.js";

/**
 * What the egress gate needs to know about the request on whose behalf an adapter sends:
 * which finding types the destination may see as they are (the policy's `forward` classes),
 * and who wants the hash of the exact bytes sent. Carried through the adapter's async calls,
 * so adapters stay unaware of policy. Without a context the gate lets nothing sensitive out.
 */
export interface EgressContext {
  allowedTypes: ReadonlySet<FindingType>;
  /**
   * Texts this request's classification already scanned and found nothing in (its fields that
   * needed no placeholder). The gate need not scan them again; everything else it scans.
   */
  cleanTexts?: ReadonlySet<string>;
  onOutboundBody?: (providerId: string, body: string) => void;
}

export const egressContext = new AsyncLocalStorage<EgressContext>();
