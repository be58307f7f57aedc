import type { Finding } from "../../../shared/findings.js";

export interface TextSegment {
  text: string;
  /** The finding type covering this stretch; null for plain text. */
  type: string | null;
}

/**
 * Cuts text into plain and found stretches. Offsets are UTF-16 indices (as detectors report
 * them); overlapping or out-of-range findings are clipped rather than trusted.
 */
export function splitByFindings(text: string, findings: ReadonlyArray<{ start: number; end: number; type: string }>): TextSegment[] {
  const sorted = [...findings].filter((finding) => finding.end > finding.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let position = 0;
  for (const finding of sorted) {
    const start = Math.max(position, Math.min(finding.start, text.length));
    const end = Math.min(finding.end, text.length);
    if (end <= start) continue;
    if (start > position) segments.push({ text: text.slice(position, start), type: null });
    segments.push({ text: text.slice(start, end), type: finding.type });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), type: null });
  return segments;
}

/** Spans of `[TYPE_NNNN]` placeholders (and `[TYPE]` masks of pseudonymized logs), so masked text is marked too. */
export function placeholderSpans(text: string): Array<Pick<Finding, "start" | "end"> & { type: string }> {
  const spans: Array<Pick<Finding, "start" | "end"> & { type: string }> = [];
  for (const match of text.matchAll(/\[([A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)*)(?:_[0-9]{1,6})?\]/g)) {
    spans.push({ start: match.index, end: match.index + match[0].length, type: match[1] ?? "PLACEHOLDER" });
  }
  return spans;
}
