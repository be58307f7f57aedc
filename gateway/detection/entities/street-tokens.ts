import { knownWords } from "./common-words.js";
import { streetNameParticles } from "./street-words.js";
import type { TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";

// The word-level tests the street finders share: house numbers, ordinals, street-name words.

/** A house number: "12", "221B", "12-14". */
export function isHouseNumber(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token.shape === "number") return token.text.length <= 6;
  // "12B" is a house number; "70s" is a decade and "5th" an ordinal.
  return token.shape === "alphanumeric" && /^\d{1,5}[a-z]{1,2}$/i.test(token.text) && !isOrdinal(token) && !/^\d+0s$/i.test(token.text);
}

/** An ordinal that names a street: "5th Avenue", "3e Rue". */
export function isOrdinal(token: Token | undefined): boolean {
  return token !== undefined && token.shape === "alphanumeric" && /^\d{1,3}(?:st|nd|rd|th|e|er|ème)$/i.test(token.text);
}

/** A word that can be part of a street's name: capitalised, or lower case and no English word. */
export function isStreetNameWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined) return false;
  if (isOrdinal(token)) return true;
  if (token.shape === "title" || token.shape === "upper" || token.shape === "uncased") return true;
  return token.shape === "lower" && token.text.length >= 3 && !knownWords().has(token.lower);
}

export function typeWordAt(analysis: TextAnalysis, index: number): string | undefined {
  const token = analysis.token(index);
  if (token === undefined || (token.shape !== "title" && token.shape !== "lower" && token.shape !== "upper")) return undefined;
  return token.lower;
}

/** Index of an abbreviation's attached dot ("St.", "Apt."), or of the word itself. */
export function afterDot(analysis: TextAnalysis, index: number): number {
  return analysis.dotAfter(index) ? index + 1 : index;
}

/** Skips lower-case particles inside a street name ("de la", "delle") when a name word follows them. */
export function skipParticles(analysis: TextAnalysis, index: number): number {
  let cursor = index;
  while (cursor - index < 3) {
    const token = analysis.token(cursor);
    if (token === undefined || token.shape !== "lower" || token.lineStart || !streetNameParticles.has(token.lower)) break;
    cursor++;
  }
  return cursor > index && isStreetNameWord(analysis, cursor) && !analysis.token(cursor)?.lineStart ? cursor : index;
}

/** Words that open no street's name: "on the road" is no street called "The". */
export const determiners = new Set(["the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her", "their", "its", "on", "at", "in", "to", "of", "and", "or", "for", "with", "from", "by"]);
