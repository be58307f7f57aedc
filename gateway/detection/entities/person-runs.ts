import { nameParticles } from "./person-cues.js";
import { personTitles } from "./person-titles.js";
import type { TextAnalysis } from "./text-analysis.js";

/** Names have at most this many words, initials and particles: "Maria del Carmen García López". */
export const longestName = 6;

/** A stretch of capitalised words, initials and particles with nothing but spaces between them. */
export interface Run {
  /** Token indices of the words, initials and particles, in order. */
  indices: number[];
  /** The index after the run, past an initial's dot. */
  next: number;
}

function isRunWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined) return false;
  if (analysis.isInitial(index)) {
    // "I" and "A" are words unless written as an initial between two names: "Tom I. Holzman", "Martim A Pereira".
    if (token.text !== "I" && token.text !== "A") return true;
    if (token.sentenceStart || !analysis.isCapitalised(index + (analysis.dotAfter(index) ? 2 : 1))) return false;
    const previousClass = analysis.wordClass(index - 1);
    return analysis.isCapitalised(index - 1) && (previousClass === "first" || previousClass === "surname" || previousClass === "unknown");
  }
  if (!analysis.isCapitalised(index)) return false;
  const wordClass = analysis.wordClass(index);
  if (wordClass !== "stop") return true;
  // A title word right after a first name is a surname: "Ivan King", "Anna Major".
  if (personTitles.has(token.lower) && !analysis.dotAfter(index) && !token.lineStart) {
    const previousClass = analysis.wordClass(index - 1);
    return analysis.isCapitalised(index - 1) && (previousClass === "first" || previousClass === "ambiguousFirst");
  }
  return false;
}

export function readRun(analysis: TextAnalysis, start: number): Run | undefined {
  if (!isRunWord(analysis, start)) return undefined;
  const indices = [start];
  let cursor = start + 1;
  if (analysis.isInitial(start) && analysis.dotAfter(start)) cursor++;
  for (;;) {
    const token = analysis.token(cursor);
    if (token === undefined || token.lineStart || token.attached) break;
    if (isRunWord(analysis, cursor)) {
      indices.push(cursor);
      cursor++;
      if (analysis.isInitial(cursor - 1) && analysis.dotAfter(cursor - 1)) cursor++;
      continue;
    }
    // A particle joins the run only when a capitalised word follows it: "Ludwig van Beethoven".
    if (nameParticles.has(token.lower) && token.shape === "lower" && isRunWord(analysis, cursor + 1) && !analysis.token(cursor + 1)?.lineStart) {
      indices.push(cursor);
      cursor++;
      continue;
    }
    break;
  }
  return { indices, next: cursor };
}
