import type { Finding } from "../../shared/findings.js";
import type { Detector } from "./detector.js";
import { entityDetectors } from "./entities/index.js";
import { secretDetectors } from "./secrets/index.js";
import { structuredDetectors } from "./structured/index.js";

/** In priority order: on equal spans and scores, the earlier detector's finding is kept. */
export const defaultDetectors: readonly Detector[] = [...secretDetectors, ...structuredDetectors, ...entityDetectors];

/**
 * Runs every detector and resolves overlaps: a longer span wins, then the higher score, then
 * the earlier detector in the list. The result is sorted and non-overlapping, so it can be
 * replaced left to right.
 */
export function detect(text: string, detectors: readonly Detector[] = defaultDetectors): Finding[] {
  if (text.length === 0) return [];
  const all: Finding[] = [];
  for (const detector of detectors) all.push(...detector.detect(text));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score);
  const kept: Finding[] = [];
  for (const finding of all) {
    if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
