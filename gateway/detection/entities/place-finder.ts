import { matchPlace } from "./place-match.js";
import { commonWords, knownWords } from "./common-words.js";
import { isNameClass } from "./word-class.js";
import { isDistinctivePlace, placeNamePrefixes, places, regionCodes } from "./place-lexicon.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { compilePhrases, followsPhrase } from "./words-around.js";

/**
 * Words after which a capitalised name is most likely a place: "flew to Remniku", "I'm in
 * Flateyri", "originally from ΕΓΚΩΜΗ".
 */
const placeCues = compilePhrases([
  ["in"], ["from"], ["to"], ["at"], ["near"], ["visit"], ["visiting"], ["visited"], ["around"], ["across"], ["outside"], ["towards"], ["toward"],
  ["via"], ["through"], ["downtown"], ["city", "of"], ["town", "of"], ["village", "of"], ["state", "of"], ["province", "of"], ["region", "of"],
  ["county", "of"], ["outskirts", "of"], ["north", "of"], ["south", "of"], ["east", "of"], ["west", "of"], ["where", ":"], ["city", ":"], ["country", ":"],
  ["nach"], ["aus"], ["bei"], ["à"], ["en"], ["de"], ["desde"], ["em"], ["naar"], ["uit"], ["til"], ["från"], ["fra"], ["i"],
]);

/**
 * Countries, regions and towns by name, from the gazetteers; and capitalised names after a
 * place cue that no list knows ("I'm in Flateyri"). Big cities count on their own; small towns
 * whose names are also words or first names need a cue.
 */
export function findPlaces(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    if (analysis.inCode(index) || (token.shape !== "title" && token.shape !== "upper" && token.shape !== "lower" && token.shape !== "uncased")) {
      index++;
      continue;
    }
    // Lower-case common words ("the", "nice", "reading") start no place worth a lookup.
    const last = token.shape === "lower" && commonWords().has(token.lower) ? undefined : matchPlace(analysis, index);
    if (last !== undefined) {
      const candidate = judgePlace(analysis, index, last);
      if (candidate !== undefined) {
        found.push(candidate);
        index = last + 1;
        continue;
      }
    }
    const cued = cuedPlace(analysis, index);
    if (cued !== undefined) {
      found.push(cued.candidate);
      index = cued.last + 1;
      continue;
    }
    index++;
  }
  return found;
}

function judgePlace(analysis: TextAnalysis, start: number, last: number): Candidate | undefined {
  const first = analysis.token(start);
  const end = analysis.token(last);
  if (first === undefined || end === undefined) return undefined;
  const words: string[] = [];
  for (let index = start; index <= last; index++) words.push(analysis.token(index)?.lower ?? "");
  const place = places().get(words.join(" "));
  if (place === undefined) return undefined;
  // "Country Club", "Grand Rapids": names made of common words need a cue or a big city.
  if (start !== last && !isDistinctivePlace(place, words, (word) => commonWords().has(word)) && !followsPhrase(analysis, start, placeCues)) return undefined;
  const single = start === last;
  const wordClass = single ? analysis.wordClass(start) : "unknown";
  const capitalised = first.shape === "title" || (first.shape === "upper" && !first.shouted) || first.shape === "uncased";
  const shoutedCapitals = first.shape === "upper" && first.shouted;
  const cued = followsPhrase(analysis, start, placeCues);
  const common = single && commonWords().has(first.lower);
  const candidate = (score: number): Candidate => ({ start: first.start, end: (analysis.token(regionCodeEnd(analysis, last)) ?? end).end, type: "LOCATION", score });
  if (single && placeNamePrefixes.has(first.lower)) return undefined;
  if (place.kind === "country" || place.kind === "region") {
    if (capitalised || shoutedCapitals) {
      if (common && !cued && first.sentenceStart) return undefined;
      const qualified = analysis.token(bracketedQualifierEnd(analysis, last)) ?? end;
      return { start: first.start, end: qualified.end, type: "LOCATION", score: 0.85 };
    }
    // "australia", "india"; not "china", "turkey", "chad".
    return common || knownWords().has(first.lower) ? undefined : candidate(0.6);
  }
  if (!capitalised) {
    return cued && !common && !knownWords().has(first.lower) && place.population >= 15_000 && !isNameClass(wordClass) ? candidate(0.5) : undefined;
  }
  if (common && !cued) return undefined;
  if (cued) return common && place.population < 100_000 ? undefined : candidate(0.75);
  // Without a cue: a big city that is no name, or a town whose name is no word at all.
  if (isNameClass(wordClass)) return place.population >= 1_000_000 ? candidate(0.6) : undefined;
  if (place.population >= 100_000) return candidate(0.75);
  if (wordClass === "unknown" && (place.population >= 1_000 || !single)) return first.sentenceStart && single ? candidate(0.5) : candidate(0.6);
  return undefined;
}

/** Region codes that are English words too ("OR", "IN", "ME"); in capitals they may be the word shouted. */
export const wordLikeCodes = new Set(["OR", "IN", "ME", "HI", "OK", "OH", "MA", "PA", "DE", "LA", "AL", "ID", "ON", "AB", "NB", "NS", "ACT"]);

/** "Ipswich, QLD", "Austin , TX": a town's state or province code after a comma belongs to it. */
function regionCodeEnd(analysis: TextAnalysis, last: number): number {
  const comma = analysis.token(last + 1);
  const code = analysis.token(last + 2);
  if (comma?.text !== "," || code === undefined || code.lineStart || code.shape !== "upper" || code.shouted || !regionCodes.has(code.text)) return last;
  // "Paris, OR London": codes that are English words in capitals need the phrase to end there.
  const after = analysis.token(last + 3);
  if (wordLikeCodes.has(code.text) && after !== undefined && !after.lineStart && after.shape !== "punctuation" && after.shape !== "number") return last;
  return last + 2;
}

/**
 * "Cyprus (Greek)", "Korea (South)", "Congo (Democratic Republic)": a qualifier in brackets
 * that names which part of the country is meant belongs to the name. Returns the closing
 * bracket's index, or `last` when no such qualifier follows.
 */
function bracketedQualifierEnd(analysis: TextAnalysis, last: number): number {
  const open = analysis.token(last + 1);
  if (open?.text !== "(" || open.lineStart || !analysis.isCapitalised(last + 2)) return last;
  for (let index = last + 3; index <= last + 5; index++) {
    const token = analysis.token(index);
    if (token === undefined || token.lineStart) return last;
    if (token.text === ")") return index;
    if (token.shape !== "title" && token.shape !== "lower" && token.shape !== "upper") return last;
  }
  return last;
}

/** A capitalised name after a place cue, which no list knows: "flew to Remniku", "in Upton Scudamore". */
function cuedPlace(analysis: TextAnalysis, start: number): { candidate: Candidate; last: number } | undefined {
  if (!followsPhrase(analysis, start, placeCues)) return undefined;
  const opening = analysis.token(start);
  // "I live in NJ", "we're in WI": a state or province code after a place cue.
  if (opening !== undefined && opening.shape === "upper" && regionCodes.has(opening.text) && opening.text.length === 2 && !opening.shouted) {
    return { candidate: { start: opening.start, end: opening.end, type: "LOCATION", score: 0.6 }, last: start };
  }
  let last = -1;
  for (let index = start; index < start + 3; index++) {
    const token = analysis.token(index);
    if (token === undefined || (index > start && token.lineStart)) break;
    if (!analysis.isCapitalised(index) && token.shape !== "uncased") break;
    // "from ATM", "to NASA": short capitals are acronyms.
    if (token.shape === "upper" && token.text.length <= 4) break;
    const wordClass = analysis.wordClass(index);
    if (wordClass !== "unknown" && !(index > start && wordClass === "rare")) break;
    if (!/^[\p{L}\p{M}'’-]+$/u.test(token.text) || /(\p{L})\1\1/u.test(token.lower)) break;
    last = index;
  }
  if (last < start) return undefined;
  const first = analysis.token(start);
  const end = analysis.token(last);
  if (first === undefined || end === undefined || first.text.length < 3) return undefined;
  return { candidate: { start: first.start, end: end.end, type: "LOCATION", score: 0.6 }, last };
}
