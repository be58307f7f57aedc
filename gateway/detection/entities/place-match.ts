import { commonWords } from "./common-words.js";
import { isDistinctivePlace, longestPlaceWords, placeLexicon } from "./place-lexicon.js";
import type { TextAnalysis } from "./text-analysis.js";

// Where a known place name starting at a token ends; the address and place finders share it, and the analysis remembers each answer.

/**
 * The last token of the longest known place name starting at `index`, if any. With
 * `distinctiveOnly`, towns named like common words ("Of", "Never", "Mobile") are left out.
 */
export function matchPlace(analysis: TextAnalysis, index: number, distinctiveOnly = false): number | undefined {
  const token = analysis.token(index);
  if (token === undefined) return undefined;
  const { byName, prefixes } = placeLexicon();
  // Most words start no place name: one lookup each answers that.
  if (!byName.has(token.lower) && !prefixes.has(token.lower)) return undefined;
  return analysis.remember(distinctiveOnly ? "distinctive-place" : "place", index, () => longestPlaceAt(analysis, index, distinctiveOnly));
}

function longestPlaceAt(analysis: TextAnalysis, index: number, distinctiveOnly: boolean): number | undefined {
  const { byName, prefixes } = placeLexicon();
  let key = "";
  const words: string[] = [];
  let found: number | undefined;
  for (let length = 0; length < longestPlaceWords; length++) {
    const token = analysis.token(index + length);
    if (token === undefined || (length > 0 && token.lineStart)) break;
    if (token.shape === "punctuation" || token.shape === "number") break;
    key = length === 0 ? token.lower : `${key} ${token.lower}`;
    words.push(token.lower);
    const place = byName.get(key);
    if (place !== undefined && (!distinctiveOnly || isDistinctivePlace(place, words, (word) => commonWords().has(word)))) found = index + length;
    if (!prefixes.has(key)) break;
  }
  return found;
}
