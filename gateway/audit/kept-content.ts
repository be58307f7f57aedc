import type { Detector } from "../detection/detector.js";
import { detect } from "../detection/detect.js";
import type { ReceiptContent } from "../../shared/receipt.js";
import { canonicalJson } from "./canonical-json.js";
import { contentHash } from "./record-hash.js";

/** Text a logging rule keeps, as it goes into `audit_content`. */
export interface KeptContent {
  level: "pseudonymized" | "full";
  text: string;
  expiresAt: string;
}

/**
 * The request and its answer as kept text: exactly as given for `full`, and with every finding
 * replaced by its type (`[EMAIL]`) for `pseudonymized`. Masking runs the detectors again over
 * every string, tool-call arguments included, rather than reusing the request's placeholders,
 * so the local route (which never pseudonymizes) is masked the same way.
 */
export function keepContent(
  level: "pseudonymized" | "full",
  document: unknown,
  options: { detectors: readonly Detector[]; now: Date; days: number },
): { kept: KeptContent; receiptContent: ReceiptContent } {
  const mask = level === "full" ? (text: string) => text : (text: string) => maskText(text, options.detectors);
  const text = canonicalJson(mapStrings(document, mask));
  const expiresAt = new Date(options.now.getTime() + options.days * 86_400_000).toISOString();
  return { kept: { level, text, expiresAt }, receiptContent: { level, sha256: contentHash(text), expiresAt } };
}

/** Applies `change` to every string; fields left undefined are dropped, as JSON would. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, mapStrings(item, change)]));
  }
  return value;
}

/** `scan` may be `detectRepeated` for short texts that come back on every request. */
export function maskText(text: string, detectors: readonly Detector[], scan: typeof detect = detect): string {
  let masked = "";
  let position = 0;
  for (const finding of scan(text, detectors)) {
    masked += `${text.slice(position, finding.start)}[${finding.type}]`;
    position = finding.end;
  }
  return masked + text.slice(position);
}
