import { commonWords, knownWords } from "./common-words.js";
import { ambiguousStreetTypesBeforeNumber, doubtfulStreetTypesBeforeNumber, secondaryUnitWords, streetNameEndings, streetNameParticles, streetTypesAfterName, streetTypesBeforeName, streetTypesBeforeNumber } from "./street-words.js";
import { afterDot, determiners, isHouseNumber, isOrdinal, isStreetNameWord, skipParticles, typeWordAt } from "./street-tokens.js";
import type { TextAnalysis } from "./text-analysis.js";
import { isNameClass } from "./word-class.js";
import type { Token } from "./tokenize.js";
import { compilePhrases, followsPhrase } from "./words-around.js";

// Street types that are also everyday English words; they need a house number to count.
const weakStreetTypes = new Set(["way", "place", "court", "drive", "dr", "row", "close", "circle", "square", "park", "parks", "hill", "hills", "green", "greens", "bridge", "station", "village", "valley", "river", "union", "unions", "center", "centre", "common", "commons", "point", "view", "walk", "loop", "pass", "track", "well", "wells", "spring", "springs", "mall", "port", "ring", "mount", "rise", "vale", "isle", "haven", "landing", "summit", "junction", "crossing", "estate", "estates", "fields", "meadows", "mill", "mills", "orchard", "pines", "plains", "prairie", "ranch", "shore", "shores", "brook", "brooks", "creek", "cove", "glen", "harbor", "harbour", "heights", "ridge", "manor", "villas", "vista", "ville", "route", "broadway", "u", "sor", "köz"]);
// Type words before the name that are English words too ("via email", "place an order").
const ambiguousTypesBefore = new Set(["via", "place", "route", "passage", "square", "largo", "cours", "al", "c", "os", "av", "bd", "ul", "odos", "λ", "οδ", "plaza", "corso", "strada"]);

/**
 * A street line found; `end` is the index of its last token. A `tentative` one ("Allika 46")
 * only counts when what follows confirms it is an address: a unit, a postcode, a region code
 * or a known place.
 */
export interface StreetCore {
  start: number;
  end: number;
  score: number;
  tentative?: boolean;
}

const addressCues = compilePhrases([
  ["address", "is"], ["address", ":"], ["address"], ["addresses"], ["lives", "at"], ["live", "at"], ["living", "at"], ["located", "at"],
  ["resides", "at"], ["reside", "at"], ["situated", "at"], ["sent", "to"], ["send", "it", "to"], ["deliver", "to"], ["ship", "to"],
  ["mail", "to"], ["moved", "to"], ["located", "on"], ["lives", "on"], ["corner", "of"], ["wohnt", "in"], ["adresse"], ["anschrift"],
  ["dirección"], ["indirizzo"], ["adres"], ["adress"], ["osoite"],
]);

export function findStreetCore(analysis: TextAnalysis, index: number): StreetCore | undefined {
  return boxAddress(analysis, index) ?? nameTypeNumberStreet(analysis, index) ?? numberFirstStreet(analysis, index) ?? typeBeforeStreet(analysis, index) ?? namedStreetWithNumber(analysis, index) ?? nameAndNumber(analysis, index);
}

const typeIndexCache = new WeakMap<TextAnalysis, Int32Array>();

/** For each token, the index of the first street word of `streetTypesBeforeNumber` at or after it (-1: none). */
function nextTypeBeforeNumber(analysis: TextAnalysis): Int32Array {
  let next = typeIndexCache.get(analysis);
  if (next === undefined) {
    const tokens = analysis.tokens;
    next = new Int32Array(tokens.length + 1).fill(-1);
    for (let index = tokens.length - 1; index >= 0; index--) next[index] = streetTypesBeforeNumber.has((tokens[index] as Token).lower) ? index : (next[index + 1] as number);
    typeIndexCache.set(analysis, next);
  }
  return next;
}

/**
 * "Andrássy út 22.", "1052 Váci u. 5.", "kossuth lajos tér 1.", "Karl Johans gate 22": up to three
 * name words, a street word of its own, then the house number with the dot Hungarian puts
 * after it.
 */
function nameTypeNumberStreet(analysis: TextAnalysis, index: number): StreetCore | undefined {
  const opening = analysis.token(index);
  if (opening === undefined) return undefined;
  // Most tokens have no such street word a few words on; one pass over the text finds them all.
  const typeIndex = nextTypeBeforeNumber(analysis)[index + 1] ?? -1;
  if (typeIndex < 0 || typeIndex - index > 6) return undefined;
  for (let between = index + 1; between <= typeIndex; between++) if (analysis.token(between)?.lineStart) return undefined;
  let cursor = index;
  const hasNumber = isHouseNumber(opening);
  if (hasNumber) {
    cursor++;
    if (isHouseNumber(analysis.token(cursor))) cursor++;
  }
  const nameStart = cursor;
  while (cursor < typeIndex) {
    cursor = skipParticles(analysis, cursor);
    const token = analysis.token(cursor) as Token;
    if (cursor >= typeIndex) break;
    if (!isStreetNameWord(analysis, cursor) || determiners.has(token.lower) || (!hasNumber && analysis.wordClass(cursor) === "stop")) return undefined;
    if (cursor === nameStart && !hasNumber && analysis.isCodeAt(token.start)) return undefined;
    cursor++;
  }
  const names = typeIndex - nameStart;
  if (names < 1 || names > 3) return undefined;
  const type = analysis.token(typeIndex) as Token;
  if (type.shape !== "lower" && type.shape !== "title") return undefined;
  // "u." and "ul." only with their dot; "Boarding gate 5" is no street.
  if ((type.lower === "u" || type.lower === "ul") && !analysis.dotAfter(typeIndex)) return undefined;
  if (ambiguousStreetTypesBeforeNumber.has(type.lower) && !isForeignStreetName(analysis, nameStart, typeIndex)) return undefined;
  const numberIndex = afterDot(analysis, typeIndex) + 1;
  const number = analysis.token(numberIndex);
  if (!isHouseNumber(number) || number?.lineStart) return undefined;
  const end = afterDot(analysis, numberIndex);
  // "Herr Schmidt u. 3 Kollegen", "int str 2": without the Hungarian dot after the number, only
  // the rest of an address after it makes these a street.
  const tentative = doubtfulStreetTypesBeforeNumber.has(type.lower) && end === numberIndex;
  return { start: index, end, score: hasNumber ? 0.85 : 0.8, ...(tentative ? { tentative } : {}) };
}

/**
 * "Karl Johans gate", "Narva tee", "Victor Hugo u.": name words before a street word that is
 * also an English word or an identifier must be capitalised (not "foo gate", not "CNOT gate")
 * and no English words ("Python tee"), save a person's name beside a word no dictionary has.
 * Norwegian writes "gate" apart only after a name in the genitive ("Thorvald Meyers gate"),
 * which "Hadamard gate" and "Toffoli gate" are not.
 */
function isForeignStreetName(analysis: TextAnalysis, nameStart: number, typeIndex: number): boolean {
  let foreign = false;
  for (let cursor = nameStart; cursor < typeIndex; cursor++) {
    const token = analysis.token(cursor) as Token;
    if (streetNameParticles.has(token.lower)) continue;
    if (token.shape !== "title") return false;
    if (!knownWords().has(token.lower)) foreign = true;
    else if (!isNameClass(analysis.wordClass(cursor))) return false;
  }
  if (!foreign) return false;
  const type = (analysis.token(typeIndex) as Token).lower;
  if (type === "gate" && !/s$/u.test(analysis.token(typeIndex - 1)?.lower ?? "")) return false;
  return true;
}

/** "1987 74 Diakou Street", "14 Crown Street", "5th Avenue", "Redondo Beach Blvd": name words and a street type. */
function numberFirstStreet(analysis: TextAnalysis, index: number): StreetCore | undefined {
  const start = index;
  const opening = analysis.token(index);
  if (opening === undefined) return undefined;
  let cursor = index;
  if (isHouseNumber(opening)) {
    cursor++;
    if (isHouseNumber(analysis.token(cursor)) && !analysis.token(cursor)?.lineStart) cursor++;
  } else if (!(analysis.isCapitalised(index) || isOrdinal(opening)) || analysis.wordClass(index) === "stop" || determiners.has(opening.lower)) {
    return undefined;
  }
  const hasNumber = cursor > start;
  const nameStart = cursor;
  for (let words = 0; words < 5; words++) {
    cursor = skipParticles(analysis, cursor);
    const token = analysis.token(cursor);
    if (token === undefined || (token.lineStart && cursor > start)) return undefined;
    const type = typeWordAt(analysis, cursor);
    if (type !== undefined && streetTypesAfterName.has(type) && words > 0) {
      if (!hasNumber && (weakStreetTypes.has(type) || token.shape === "lower")) return undefined;
      if (type.length === 1 && !analysis.dotAfter(cursor)) return undefined;
      // "St. Louis" is a saint's town, not a street.
      if (type === "st" && analysis.dotAfter(cursor) && analysis.isCapitalised(cursor + 2) && !analysis.token(cursor + 2)?.lineStart) return undefined;
      return { start, end: afterDot(analysis, cursor), score: hasNumber ? 0.85 : 0.7 };
    }
    const capitalised = analysis.isCapitalised(cursor) || isOrdinal(token) || token.shape === "uncased";
    // Without a house number the name must be capitalised; with one, any word that is not a
    // determiner or preposition will do ("3911 fourth avenue").
    if (!capitalised && !(hasNumber && token.shape === "lower" && !determiners.has(token.lower))) return undefined;
    if (!hasNumber && analysis.wordClass(cursor) === "stop") return undefined;
    if (cursor === nameStart && !hasNumber && analysis.isCodeAt(token.start)) return undefined;
    // "St. John Street", "Mt. Pleasant Road": a short abbreviation's dot inside the name.
    const abbreviated = token.shape === "title" && token.text.length <= 3 && analysis.dotAfter(cursor) && !analysis.token(cursor + 2)?.lineStart && analysis.isCapitalised(cursor + 2);
    cursor += abbreviated ? 2 : 1;
  }
  return undefined;
}

/** "Via Franscini 71", "Rua do Arenque 1634", "62 Rue Gafsa", "ul. Miła 53": type word first. */
function typeBeforeStreet(analysis: TextAnalysis, index: number): StreetCore | undefined {
  let start = index;
  let cursor = index;
  let hasNumber = false;
  if (isHouseNumber(analysis.token(cursor))) {
    hasNumber = true;
    cursor++;
    if (isHouseNumber(analysis.token(cursor))) cursor++;
  }
  const type = typeWordAt(analysis, cursor);
  if (type === undefined || !streetTypesBeforeName.has(type) || (cursor > start && analysis.token(cursor)?.lineStart)) return undefined;
  const typeToken = analysis.token(cursor) as Token;
  if (!hasNumber) start = cursor;
  const ambiguous = ambiguousTypesBefore.has(type);
  if (type.length <= 2 && !analysis.dotAfter(cursor)) return undefined;
  cursor = afterDot(analysis, cursor) + 1;
  let words = 0;
  let lastWord = cursor - 1;
  while (words < 5) {
    if (words > 0) cursor = skipParticles(analysis, cursor);
    else cursor = skipParticles(analysis, cursor);
    const token = analysis.token(cursor);
    if (token === undefined || token.lineStart) break;
    if (!isStreetNameWord(analysis, cursor) || (words > 0 && analysis.wordClass(cursor) === "stop")) break;
    // "Rue Lepic Apt. 3": the unit that follows is no part of the name.
    if (words > 0 && secondaryUnitWords.has(token.lower)) break;
    if (words === 0 && ambiguous && token.shape !== "title" && token.shape !== "upper" && token.shape !== "uncased") return undefined;
    lastWord = cursor;
    cursor++;
    words++;
  }
  if (words === 0) return undefined;
  const numberAfter = analysis.token(cursor);
  if (isHouseNumber(numberAfter) && !numberAfter?.lineStart) return { start, end: cursor, score: 0.85 };
  if (!hasNumber) return ambiguous ? undefined : { start, end: lastWord, score: 0.7, tentative: true };
  if (typeToken.shape === "lower" && ambiguous) return undefined;
  return { start, end: lastWord, score: 0.8 };
}

/** "Koskikatu 25", "Brucker Bundesstrasse 31", "6750 Koskikatu 25", "Hauptstr. 5": one-word street names with a street ending. */
function namedStreetWithNumber(analysis: TextAnalysis, index: number): StreetCore | undefined {
  const start = index;
  let cursor = index;
  if (isHouseNumber(analysis.token(cursor))) {
    cursor++;
    if (isHouseNumber(analysis.token(cursor))) cursor++;
  }
  // Up to two capitalised words before the street word: "Brucker Bundesstrasse".
  for (let before = 0; before <= 2; before++) {
    const streetIndex = cursor + before;
    const street = analysis.token(streetIndex);
    if (street === undefined || (streetIndex > start && street.lineStart)) return undefined;
    if (hasStreetEnding(analysis, streetIndex)) {
      const numberIndex = afterDot(analysis, streetIndex) + 1;
      const number = analysis.token(numberIndex);
      if (isHouseNumber(number) && !number?.lineStart) return { start, end: numberIndex, score: 0.85 };
      if (cursor > start) return { start, end: afterDot(analysis, streetIndex), score: 0.75 };
      return undefined;
    }
    if (!analysis.isCapitalised(streetIndex) || commonWords().has(street.lower)) return undefined;
  }
  return undefined;
}

// One pattern for all endings: a word must be at least three letters longer than its ending.
const streetEndingPattern = new RegExp(`^[\\p{L}\\p{M}'’-]{3,}(?:${streetNameEndings.map((ending) => ending.replace(/\./g, "\\.")).join("|")})$`, "u");

function hasStreetEnding(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || (token.shape !== "title" && token.shape !== "lower" && token.shape !== "upper") || token.text.length < 5) return false;
  const word = analysis.dotAfter(index) ? `${token.lower}.` : token.lower;
  return streetEndingPattern.test(word) && !knownWords().has(token.lower);
}

/**
 * A name and a house number with no street word: "28245 Puruntie 82" (a number on both
 * sides), "lives at Erzsébet tér 19." (after an address cue), or "Allika 46" followed by
 * more of an address (tentative).
 */
function nameAndNumber(analysis: TextAnalysis, index: number): StreetCore | undefined {
  const startToken = analysis.token(index);
  if (startToken === undefined) return undefined;
  let cursor = index;
  const leadingNumber = isHouseNumber(startToken);
  if (leadingNumber) cursor++;
  // The cue check first: most tokens are lower-case words after no address cue, and it rules
  // them out with one small-map lookup instead of one in the big word list.
  else if ((startToken.shape === "lower" && !followsPhrase(analysis, index, addressCues)) || !isStreetNameWord(analysis, index) || analysis.wordClass(index) === "stop") return undefined;
  const cued = !leadingNumber && followsPhrase(analysis, index, addressCues);
  for (let words = 0; words < 4; words++) {
    if (words > 0) cursor = skipParticles(analysis, cursor);
    const token = analysis.token(cursor);
    if (token === undefined || (token.lineStart && cursor > index)) return undefined;
    if (isHouseNumber(token) && words > 0) {
      if (leadingNumber) return { start: index, end: cursor, score: 0.75 };
      return { start: index, end: cursor, score: 0.7, tentative: !cued };
    }
    const wordClass = analysis.wordClass(cursor);
    const plain = (token.shape === "lower" && commonWords().has(token.lower)) || determiners.has(token.lower);
    if (!isStreetNameWord(analysis, cursor) || wordClass === "stop" || plain || token.shape === "mixed") return undefined;
    cursor++;
  }
  return undefined;
}

const boxOpeners = new Set(["psc", "cmr", "unit", "usns", "usnv", "uss", "uscgc", "p", "po", "post", "postfach", "postbox", "postbus", "postboks", "apartado", "casella", "boite", "boîte"]);

/** "PSC 0413, Box 8144 APO AA 42323", "Unit 4719 Box 7394", "P.O. Box 242", "USNS Møller FPO AE 12382". */
function boxAddress(analysis: TextAnalysis, index: number): StreetCore | undefined {
  const token = analysis.token(index);
  if (token === undefined || !boxOpeners.has(token.lower)) return undefined;
  const rest = analysis.text.slice(token.start, token.start + 80);
  const match =
    /^(?:(?:PSC|CMR|Unit)\s+\d{1,5},?\s+Box\s+\d{1,5}|(?:USNS|USNV|USS|USCGC)\s+[\p{L}'-]+)(?:\s*,?\s*(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5})?/iu.exec(rest) ??
    /^(?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box|Postfach|Postbox|Postbus|Postboks|Apartado(?:\s+de\s+Correos)?|Casella\s+Postale|Bo[iî]te\s+Postale)\s+\d{1,6}/iu.exec(rest);
  if (match === null) return undefined;
  const end = token.start + match[0].length;
  let last = index;
  while ((analysis.token(last + 1)?.end ?? Infinity) <= end) last++;
  return { start: index, end: last, score: 0.9 };
}
