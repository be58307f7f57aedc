import type { Finding } from "../../../shared/findings.js";

/** Every finding of this family has the same type; only the span, the confidence and the detector vary. */
export function secretFinding(start: number, end: number, score: number, detector: string): Finding {
  return { start, end, type: "SECRET", score, detector };
}
