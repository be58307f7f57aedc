import type { Finding } from "../../shared/findings.js";
import type { Detector } from "./detector.js";
import { entityDetectors } from "./entities/index.js";
import { findDisguisedSpans, findingForDisguise } from "./hidden-encodings.js";
import { normalizeForDetection } from "./normalize.js";
import { CleanShortTexts } from "./clean-short-texts.js";
import { secretDetectors } from "./secrets/index.js";
import { structuredDetectors } from "./structured/index.js";

/** In priority order: on equal spans and scores, the earlier detector's finding is kept. */
export const defaultDetectors: readonly Detector[] = [...secretDetectors, ...structuredDetectors, ...entityDetectors];

function runDetectors(text: string, detectors: readonly Detector[]): Finding[] {
  const findings: Finding[] = [];
  for (const detector of detectors) findings.push(...detector.detect(text));
  return findings;
}

/**
 * Secrets win over anything they overlap (a token inside a URL is a secret, not a URL, for the
 * policy); otherwise longer spans win, then higher scores, then earlier detectors. A finding that only partly
 * overlaps a winner keeps its uncovered part (when it is more than a couple of characters):
 * dropping it whole would leak the rest of a value that merely touched another one. The
 * result is sorted and non-overlapping.
 *
 * What is kept stays sorted and disjoint, so each finding looks only at the kept spans it
 * touches (found by binary search): a long prompt with thousands of findings costs
 * n log n, not n².
 */
function resolveOverlaps(all: Finding[]): Finding[] {
  // A stable sort: on equal size and score the earlier detector, as listed, comes first.
  const secretFirst = (finding: Finding): number => (finding.type === "SECRET" ? 0 : 1);
  const bySize = [...all].sort((a, b) => secretFirst(a) - secretFirst(b) || b.end - b.start - (a.end - a.start) || b.score - a.score);
  const kept: Finding[] = [];
  for (const finding of bySize) {
    let index = firstEndingAfter(kept, finding.start);
    if (finding.end <= finding.start) {
      const other = kept[index];
      if (other === undefined || other.start >= finding.start) kept.splice(index, 0, finding);
      continue;
    }
    const pieces: Array<{ start: number; end: number }> = [];
    let cursor = finding.start;
    for (let other = kept[index]; other !== undefined && other.start < finding.end; other = kept[++index]) {
      if (other.start > cursor) pieces.push({ start: cursor, end: other.start });
      cursor = Math.max(cursor, other.end);
    }
    if (cursor < finding.end) pieces.push({ start: cursor, end: finding.end });
    const whole = pieces.length === 1 && pieces[0]?.start === finding.start && pieces[0]?.end === finding.end;
    for (const piece of pieces) {
      if (whole || piece.end - piece.start >= minimumRemainder) kept.splice(firstEndingAfter(kept, piece.start), 0, { ...finding, start: piece.start, end: piece.end });
    }
  }
  return kept;
}

/** The index of the first span in `spans` (sorted, disjoint) that ends after `position`. */
function firstEndingAfter(spans: readonly Finding[], position: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans[middle] as Finding).end > position) high = middle;
    else low = middle + 1;
  }
  return low;
}

const minimumRemainder = 3;

const cleanShortTexts = new CleanShortTexts();

/**
 * Runs every detector over the text as written, over the text with invisible characters and
 * look-alike letters normalized, and over base64 or spelled-out stretches decoded, so that an
 * encoding trick around a value does not hide it. Offsets always refer to the original text.
 */
export function detect(text: string, detectors: readonly Detector[] = defaultDetectors): Finding[] {
  if (text.length === 0) return [];
  const all = runDetectors(text, detectors);

  const normalized = normalizeForDetection(text);
  if (normalized) {
    for (const finding of runDetectors(normalized.text, detectors)) {
      const start = normalized.originalIndex[finding.start] ?? 0;
      const end = normalized.originalEnd[finding.end - 1] ?? text.length;
      all.push({ ...finding, start, end, detector: `normalized/${finding.detector}` });
    }
  }

  for (const span of findDisguisedSpans(normalized?.text ?? text)) {
    const finding = findingForDisguise(span, runDetectors(span.decoded, detectors));
    if (!finding) continue;
    if (normalized) {
      finding.start = normalized.originalIndex[finding.start] ?? 0;
      finding.end = normalized.originalEnd[finding.end - 1] ?? text.length;
    }
    all.push(finding);
  }
  return resolveOverlaps(all);
}

/**
 * `detect` for the short strings every request carries again (JSON keys and model names in
 * the egress re-scan, model names and routing reasons in the receipt): a text found clean is
 * remembered, so the next request skips the full scan of it. Same findings as `detect`.
 */
export function detectRepeated(text: string, detectors: readonly Detector[] = defaultDetectors): Finding[] {
  if (cleanShortTexts.has(text, detectors)) return [];
  const findings = detect(text, detectors);
  if (findings.length === 0) cleanShortTexts.add(text, detectors);
  return findings;
}
