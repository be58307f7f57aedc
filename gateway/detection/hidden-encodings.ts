import type { Finding } from "../../shared/findings.js";

/** A stretch of text that holds other text in disguise, and that text decoded. */
export interface DisguisedSpan {
  start: number;
  end: number;
  decoded: string;
  how: "base64" | "spaced";
}

// 16+ characters of base64 or base64url, on word boundaries: short runs are ordinary words.
const base64Run = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])/g;
// Eight or more single characters separated by one space: "A K I A ...", "a d a . l o v e @ ...".
const spacedRun = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@+_.-][ ·]){7,}[\p{L}\p{N}@+_.-](?![\p{L}\p{N}])/gu;

function isMostlyPrintable(text: string): boolean {
  if (text.length < 6 || text.includes("\uFFFD")) return false;
  let printable = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code !== 0x7f) || code === 0x0a || code === 0x0d || code === 0x09) printable++;
  }
  return printable / text.length > 0.95;
}

/** Base64 runs that decode to readable text, and spelled-out runs collapsed, for a second look. */
export function findDisguisedSpans(text: string): DisguisedSpan[] {
  const spans: DisguisedSpan[] = [];
  if (text.length >= 16) {
    for (const match of text.matchAll(base64Run)) {
      const run = match[0];
      const decoded = Buffer.from(run.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("utf8");
      if (isMostlyPrintable(decoded)) spans.push({ start: match.index, end: match.index + run.length, decoded, how: "base64" });
    }
  }
  if (text.length >= 15) {
    for (const match of text.matchAll(spacedRun)) {
      const run = match[0];
      // Every other character is a separator; the rest spell the hidden text.
      let decoded = "";
      for (let index = 0; index < run.length; index += 2) decoded += run[index];
      spans.push({ start: match.index, end: match.index + run.length, decoded, how: "spaced" });
    }
  }
  return spans;
}

/**
 * A finding in decoded text becomes a finding over the whole disguised span: the disguise is
 * the value. Spelled-out runs only count for secrets and e-mail addresses: "1 2 3 4 5 6 7 8"
 * in ordinary text must not turn into a phone number.
 */
export function findingForDisguise(span: DisguisedSpan, found: Finding[]): Finding | undefined {
  const inner = span.how === "spaced" ? found.filter((finding) => finding.type === "SECRET" || finding.type === "EMAIL") : found;
  if (inner.length === 0) return undefined;
  const strongest = inner.find((finding) => finding.type === "SECRET") ?? inner[0];
  if (!strongest) return undefined;
  return { start: span.start, end: span.end, type: strongest.type, score: Math.min(strongest.score, 0.9), detector: `${span.how}-decoded/${strongest.detector}` };
}
