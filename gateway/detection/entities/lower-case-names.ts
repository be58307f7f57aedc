import { commonWords, knownWords } from "./common-words.js";
import { afterCapitalisedTitle, cueBefore, namingCueBefore } from "./person-context.js";
import { personCandidate } from "./person-candidate.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";

/**
 * Names in lower case ("follow up with patricia desrosiers", "emma and kaite"): a first name
 * that is no English word, followed by a surname or standing alone.
 */
export function findLowerCaseNames(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    if (token.shape === "lower" && !analysis.inCode(index) && namingCueBefore(analysis, index) && !afterCapitalisedTitle(analysis, index)) {
      // "my name is vitoria", "call me višeslav", "my name is rose": after a naming cue, a name
      // (even one that is a word), or up to three words that are no common words.
      let last = index - 1;
      while (last + 1 < tokens.length && last - index < 2) {
        const next = tokens[last + 1] as (typeof tokens)[number];
        const nextClass = analysis.wordClass(last + 1);
        if (next.shape !== "lower" || next.lineStart || nextClass === "stop") break;
        if (commonWords().has(next.lower) && !(last < index && (nextClass === "ambiguousFirst" || nextClass === "ambiguousSurname"))) break;
        last++;
      }
      if (last >= index) {
        found.push(personCandidate(analysis, index, last, 0.8));
        index = last;
        continue;
      }
    }
    // In a shouted line capitals say nothing, so its words are read like lower-case ones.
    const readAsLower = token.shape === "lower" || (token.shape === "upper" && token.shouted);
    if (!readAsLower || token.text.length < 3 || token.text.includes("-") || analysis.inCode(index)) continue;
    if (analysis.wordClass(index) !== "first") continue;
    const end = lowerCaseSurnameEnd(analysis, index + 1);
    if (end !== undefined) {
      found.push(personCandidate(analysis, index, end, 0.7));
      index = end;
      continue;
    }
    // A lower-case first name alone must be no common English word ("rick" and "roger" pass, "will" does not).
    if (commonWords().has(token.lower)) continue;
    if (cueBefore(analysis, index) !== undefined) {
      found.push(personCandidate(analysis, index, index, 0.6));
    } else if (token.text.length >= 4) {
      found.push(personCandidate(analysis, index, index, 0.4));
    }
  }
  return found;
}

/**
 * Where a lower-case surname after a first name ends: "desrosiers" in "patricia desrosiers",
 * "seiler" in "benjamin a seiler", "samoylova" in "eric g. samoylova". The surname must be no
 * English word.
 */
function lowerCaseSurnameEnd(analysis: TextAnalysis, index: number): number | undefined {
  let cursor = index;
  const initial = analysis.token(cursor);
  if (initial !== undefined && initial.text.length === 1 && initial.shape === "lower" && !initial.lineStart && initial.text !== "a" && initial.text !== "i") {
    cursor += analysis.token(cursor + 1)?.text === "." ? 2 : 1;
  } else if (initial?.text === "a" || initial?.text === "i") {
    cursor += 1;
  }
  const surname = analysis.token(cursor);
  if (surname === undefined || surname.shape !== "lower" || surname.lineStart || surname.text.length < 3 || analysis.inCode(cursor)) return undefined;
  const surnameClass = analysis.wordClass(cursor);
  // "paul walker": a surname that is also a word counts after a first name; any other word must be no English word.
  if (surnameClass === "ambiguousSurname") return cursor;
  if (knownWords().has(surname.lower)) return undefined;
  return surnameClass === "surname" || surnameClass === "first" || surnameClass === "unknown" ? cursor : undefined;
}
