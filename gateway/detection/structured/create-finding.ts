import type { Finding, FindingType } from "../../../shared/findings.js";

export function createFinding(start: number, end: number, type: FindingType, score: number, detector: string): Finding {
  return { start, end, type, score, detector };
}
