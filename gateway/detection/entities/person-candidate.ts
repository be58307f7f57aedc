import type { Candidate, TextAnalysis } from "./text-analysis.js";

/** A person candidate from token `start` to token `end`, both included. */
export function personCandidate(analysis: TextAnalysis, start: number, end: number, value: number): Candidate {
  const first = analysis.token(start) as { start: number };
  const last = analysis.token(end) as { end: number };
  return { start: first.start, end: last.end, type: "PERSON", score: value };
}
