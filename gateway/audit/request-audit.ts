import type { Receipt } from "../../shared/receipt.js";
import type { KeptContent } from "./kept-content.js";

/**
 * What the HTTP edge needs of the audit trail; tests hand in a fake. Both calls are
 * synchronous and throw when the store cannot be written: the caller then refuses to serve
 * (before dispatch) or withholds the end of the answer (after).
 */
export interface RequestAudit {
  /** Opens the request's row, holding the receipt so far, before anything is dispatched. */
  begin(draft: Receipt): void;
  /** Closes the row and appends the request's record, in one transaction. */
  finish(receipt: Receipt, content: KeptContent | undefined): void;
}
