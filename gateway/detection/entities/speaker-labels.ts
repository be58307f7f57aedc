import { personCandidate } from "./person-candidate.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { isNameClass } from "./word-class.js";

/** Dialogue and chat transcripts: "Nicole: Remember me?" at the start of a line. */
export function findSpeakerLabels(analysis: TextAnalysis): Candidate[] {
  const labels: number[] = [];
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length - 1; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    if (!token.lineStart || tokens[index + 1]?.text !== ":" || analysis.inCode(index) || !analysis.isCapitalised(index) || token.text.length < 3) continue;
    labels.push(index);
  }
  // With two speakers or more it is a dialogue, and a name that is also a word ("Heather:") is a speaker too.
  const dialogue = labels.filter((index) => isNameClass(analysis.wordClass(index)) || analysis.wordClass(index) === "unknown").length >= 2;
  const found: Candidate[] = [];
  for (const index of labels) {
    const wordClass = analysis.wordClass(index);
    if (wordClass === "first" || wordClass === "surname" || wordClass === "unknown" || (dialogue && wordClass === "ambiguousFirst")) found.push(personCandidate(analysis, index, index, 0.7));
  }
  return found;
}
