import type { Detector } from "../detector.js";

/** What a detector found in a text, as `TYPE:value` strings: the form tests compare against. */
export function detectedValues(detector: Detector, text: string): string[] {
  return detector.detect(text).map((finding) => `${finding.type}:${text.slice(finding.start, finding.end)}`);
}
