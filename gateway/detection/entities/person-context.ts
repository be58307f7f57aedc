import { greetingCuesBefore, namingCuesBefore, relationNouns, speechVerbsAfter, weakCueWords } from "./person-cues.js";
import { abbreviatedTitles, dottedTitles, personTitles } from "./person-titles.js";
import type { TextAnalysis } from "./text-analysis.js";
import { followsPhrase, wordsBefore } from "./words-around.js";

// The words around a capitalised run that make it a person: titles, cue phrases, speech verbs.

function isPersonTitleBefore(analysis: TextAnalysis, index: number): boolean {
  const before = analysis.token(index - 1);
  if (before === undefined) return false;
  if (before.text === "." && !before.lineStart) {
    // "Dr. Smith", "dr. smith", "M. Dupont": only abbreviations take the dot.
    const title = analysis.token(index - 2);
    return title !== undefined && abbreviatedTitles.has(title.lower) && (title.shape !== "lower" || title.lower !== "m");
  }
  return personTitles.has(before.lower) && !dottedTitles.has(before.lower) && (before.shape === "title" || before.shape === "upper");
}

export type Cue = "naming" | "greeting" | "weak";

/**
 * A cue word or phrase before `index`: a title or "my name is" (`naming`: whatever follows is
 * the name), "Dear", "Hi", "I'm" (`greeting`: a name-like word that follows is one), or "my
 * wife", "with" (`weak`: a listed name that is also a common word counts).
 */
export function cueBefore(analysis: TextAnalysis, index: number): Cue | undefined {
  if (isPersonTitleBefore(analysis, index)) return "naming";
  if (followsPhrase(analysis, index, namingCuesBefore)) return "naming";
  if (followsPhrase(analysis, index, greetingCuesBefore)) return "greeting";
  const before = wordsBefore(analysis, index, 2);
  const last = before[before.length - 1];
  if (last === undefined) return undefined;
  if (relationNouns.has(last) || weakCueWords.has(last)) return "weak";
  if (last === ":" && before[0] !== undefined && ["name", "names", "by", "from", "to", "contact", "author", "patient", "client", "attendee", "guest", "signed"].includes(before[0])) return "naming";
  return undefined;
}

/**
 * `cueBefore(analysis, index) === "naming"`, asked of every lower-case word: the greeting and
 * weak cues are only looked at when the word follows a colon, the one other way to "naming".
 */
export function namingCueBefore(analysis: TextAnalysis, index: number): boolean {
  if (isPersonTitleBefore(analysis, index) || followsPhrase(analysis, index, namingCuesBefore)) return true;
  if (analysis.cueWords()[analysis.cuePosition(index) - 1] !== ":") return false;
  return cueBefore(analysis, index) === "naming";
}

export function cueAfter(analysis: TextAnalysis, next: number): boolean {
  const token = analysis.token(next);
  if (token === undefined) return false;
  if (speechVerbsAfter.has(token.lower)) return true;
  // "Smith, who ..."
  return token.text === "," && analysis.token(next + 1)?.lower === "who";
}

/** "Sir bot": a capitalised title before a lower-case word is no name in lower case. */
export function afterCapitalisedTitle(analysis: TextAnalysis, index: number): boolean {
  const before = analysis.token(index - 1);
  const title = before?.text === "." ? analysis.token(index - 2) : before;
  return title !== undefined && personTitles.has(title.lower) && title.shape !== "lower";
}
