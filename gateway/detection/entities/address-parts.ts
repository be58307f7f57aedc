import { commonWords } from "./common-words.js";
import { matchPlace } from "./place-match.js";
import { wordLikeCodes } from "./place-finder.js";
import { regionCodes } from "./place-lexicon.js";
import { afterDot, skipParticles } from "./street-tokens.js";
import { secondaryUnitWords, streetNameParticles } from "./street-words.js";
import type { TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";

// What may follow a street line in an address, part by part.

/** What an address part after the street line was; all but a plain locality confirm an address. */
type AddressPart = "unit" | "postcode" | "region" | "place" | "locality" | "note";

/**
 * Extends an address past its street line over the parts that follow: unit, town, region,
 * postcode, country. Returns the index of the last token taken, and whether any part was one
 * that only addresses have.
 */
export function extendAddress(analysis: TextAnalysis, coreEnd: number): { end: number; confirmed: boolean } {
  let last = coreEnd;
  let confirmed = false;
  let cursor = coreEnd + 1;
  const prefix = linePrefixOf(analysis, coreEnd);
  for (let parts = 0; parts < 8; parts++) {
    let next = cursor;
    let separated = false;
    while (analysis.token(next)?.text === ",") {
      next++;
      separated = true;
    }
    if (analysis.token(next)?.lineStart) {
      // A quoted block ("> ", "| " before every line): the address goes on after the marks.
      next = skipLinePrefix(analysis, next, prefix);
      separated = true;
    }
    const token = analysis.token(next);
    if (token === undefined || analysis.inCode(next)) break;
    const taken = takeAddressPart(analysis, next, separated);
    if (taken === undefined) break;
    if (taken.part !== "locality") confirmed = true;
    last = taken.end;
    cursor = taken.end + 1;
  }
  return { end: last, confirmed };
}

// Marks that quote or bullet a line in mail and chat: "> ", "| ", "* ", "- ", "• ", and a
// bullet that a lossy encoding turned into "???" or "�" (a lone "?" is not one).
export const linePrefixMarks = new Set([">", "*", "|", "•", "-", "–", "·", "?", "\uFFFD"]);

/** A lone "?" opening a line is a question or a typo, not a damaged bullet. */
function isQuoteMarks(marks: string): boolean {
  return marks !== "?";
}

/** The quote or bullet marks that open the line holding `index`, as one string ("" when none). */
function linePrefixOf(analysis: TextAnalysis, index: number): string {
  const lineStart = analysis.lineStartOf(index);
  let marks = "";
  for (let cursor = lineStart; cursor < index && linePrefixMarks.has(analysis.token(cursor)?.text ?? ""); cursor++) marks += analysis.token(cursor)?.text;
  return isQuoteMarks(marks) ? marks : "";
}

/**
 * The first word after a line's quote marks, when the line opens with the marks the street's
 * own line had, or with ">" (mail quoting); otherwise `index` itself.
 */
function skipLinePrefix(analysis: TextAnalysis, index: number, prefix: string): number {
  let cursor = index;
  let marks = "";
  while (cursor - index < 6 && linePrefixMarks.has(analysis.token(cursor)?.text ?? "")) {
    marks += analysis.token(cursor)?.text;
    cursor++;
  }
  if (cursor === index || analysis.token(cursor)?.lineStart || !isQuoteMarks(marks)) return index;
  return marks === prefix || /^>+$/.test(marks) ? cursor : index;
}

/** One part of an address after the street line. */
function takeAddressPart(analysis: TextAnalysis, index: number, separated: boolean): { end: number; part: AddressPart } | undefined {
  const token = analysis.token(index);
  if (token === undefined) return undefined;
  // Apartment, suite, floor: "Apt. 864", "Suite 501", "# 12".
  if (secondaryUnitWords.has(token.lower) || token.text === "#") {
    let cursor = afterDot(analysis, index) + 1;
    if (analysis.token(cursor)?.text === "#") cursor++;
    const value = analysis.token(cursor);
    if (value !== undefined && !value.lineStart && (value.shape === "number" || value.shape === "alphanumeric" || (value.shape === "upper" && value.text.length <= 2))) {
      return { end: cursor, part: "unit" };
    }
    return undefined;
  }
  // A numbered region before the postcode on the next line: ", 21\n 30120"; not ", 10 2024 was".
  if (separated && token.shape === "number" && token.text.length <= 2) {
    const postcode = analysis.token(nextNumberIndex(analysis, index + 1));
    if (postcode !== undefined && postcode.lineStart && postcode.text.length >= 4 && isPostcodeNumber(postcode) && !isYear(postcode)) return { end: index, part: "region" };
  }
  // Postcodes: "53650", "1012 AB", "53-320"; "SW1A 1AA", "K1A 0B1".
  if (isPostcodeNumber(token)) {
    const next = analysis.token(index + 1);
    if (next !== undefined && !next.lineStart && next.shape === "upper" && next.text.length === 2 && /^\d{4}$/.test(token.text)) return { end: index + 1, part: "postcode" };
    return { end: index, part: "postcode" };
  }
  if (token.shape === "alphanumeric" && /^[A-Z]{1,2}\d[A-Z\d]?$|^[A-Z]\d[A-Z]$/.test(token.text)) {
    const next = analysis.token(index + 1);
    if (next !== undefined && !next.lineStart && /^\d[A-Z]{2}$|^\d[A-Z]\d$/.test(next.text)) return { end: index + 1, part: "postcode" };
    return undefined;
  }
  // A region code after a separator: ", CO", "\n SK".
  if (separated && token.shape === "upper" && token.text.length >= 2 && token.text.length <= 3 && (regionCodes.has(token.text) || isFollowedByAddressPart(analysis, index + 1))) {
    return { end: index, part: "region" };
  }
  // In an address written all in small letters: ", tx\n 73301"; not ", in 2019" or ", on 3 May".
  if (separated && token.shape === "lower" && token.text.length === 2) {
    const code = token.text.toUpperCase();
    if (regionCodes.has(code) && !wordLikeCodes.has(code) && isPostcodeNumber(analysis.token(nextNumberIndex(analysis, index + 1)))) return { end: index, part: "region" };
  }
  // "(Greek)", "(ΑΓΛΑΓΓΙΑ)": a bracketed note on a town or country.
  if (token.text === "(" && analysis.token(index + 2)?.text === ")" && !analysis.token(index + 1)?.lineStart) return { end: index + 2, part: "note" };
  return takeLocality(analysis, index, separated);
}

function isFollowedByAddressPart(analysis: TextAnalysis, index: number): boolean {
  let cursor = index;
  while (analysis.token(cursor)?.text === ",") cursor++;
  const token = analysis.token(cursor);
  return token !== undefined && (token.shape === "number" || token.lineStart);
}

/**
 * Greek text often writes a capital delta as the increment sign "∆" (U+2206), which is no
 * letter, so "ΚΑΛΑ∆ΡΟΣ" arrives in pieces; the pieces written against each other are one word.
 */
function skipGreekDelta(analysis: TextAnalysis, index: number): number {
  let cursor = index;
  while (analysis.token(cursor + 1)?.text === "∆" && analysis.token(cursor + 1)?.attached) {
    const rest = analysis.token(cursor + 2);
    cursor = rest !== undefined && rest.attached && (rest.shape === "upper" || rest.shape === "title" || rest.shape === "uncased") ? cursor + 2 : cursor + 1;
  }
  return cursor;
}

function endsInPlaceOrRegion(analysis: TextAnalysis, index: number, last: number): boolean {
  const final = analysis.token(last) as Token;
  if (final.shape === "upper" && final.text.length <= 3) {
    // A known region code that is no English word: "Springfield IL", but not "Bring ID" or "Call Me AM".
    if (regionCodes.has(final.text) && !wordLikeCodes.has(final.text)) return true;
    // "LINZ OO": after a town in capitals, a two-letter code no list holds, when it is no word.
    let shouted = final.text.length === 2 && !commonWords().has(final.lower);
    for (let word = index; shouted && word < last; word++) shouted = analysis.token(word)?.shape === "upper";
    if (shouted) return true;
  }
  for (let word = last; word > index; word--) if (matchPlace(analysis, word, true) === last) return true;
  return false;
}

/** "∆ΑΦΝΗ": a word that opens with the increment sign standing for a delta. */
function isGreekDeltaWord(analysis: TextAnalysis, index: number): boolean {
  const rest = analysis.token(index + 1);
  return analysis.token(index)?.text === "∆" && rest !== undefined && rest.attached && (rest.shape === "upper" || rest.shape === "uncased");
}

/** The index of the first token at or after `index` that is no comma, when it is a number; -1 otherwise. */
function nextNumberIndex(analysis: TextAnalysis, index: number): number {
  let cursor = index;
  while (analysis.token(cursor)?.text === ",") cursor++;
  return analysis.token(cursor)?.shape === "number" ? cursor : -1;
}

/** A number that may be a postcode: "53650", "53-320", "1012". */
function isPostcodeNumber(token: Token | undefined): boolean {
  return token !== undefined && token.shape === "number" && token.text.replace(/-/g, "").length >= 3 && token.text.length <= 10;
}

function isYear(token: Token): boolean {
  return /^(?:19|20)\d\d$/.test(token.text);
}

/** A town, region or country: up to four capitalised words, then a separator, a postcode or the end. */
function takeLocality(analysis: TextAnalysis, index: number, separated: boolean): { end: number; part: AddressPart } | undefined {
  const place = matchPlace(analysis, index, true);
  let cursor = index;
  let last = -1;
  for (let words = 0; words < 4; words++) {
    const token = analysis.token(cursor);
    if (token === undefined || (token.lineStart && cursor > index) || analysis.inCode(cursor)) break;
    if (words > 0 && (token.text === "'" || token.text === "’" || token.text === "-") && !token.lineStart) {
      // "SMITH'S GREEN", "Fort - de - France".
      cursor++;
      continue;
    }
    if (words > 0) cursor = skipParticles(analysis, cursor);
    const current = analysis.token(cursor) as Token;
    const capitalised = current.shape === "title" || current.shape === "upper" || current.shape === "uncased" || isGreekDeltaWord(analysis, cursor);
    const lowerOk = current.shape === "lower" && !commonWords().has(current.lower) && current.text.length >= 3;
    if (!capitalised && !lowerOk) break;
    if (analysis.wordClass(cursor) === "stop" && place === undefined && !isGreekDeltaWord(analysis, cursor)) break;
    // "St. Georges", "Mt. Eden": the dot of a short abbreviation is part of the name; a sentence's full stop is not.
    last = current.text.length <= 3 && current.shape === "title" && analysis.dotAfter(cursor) && !analysis.token(cursor + 2)?.lineStart && analysis.isCapitalised(cursor + 2) ? cursor + 1 : cursor;
    last = skipGreekDelta(analysis, isGreekDeltaWord(analysis, last) ? last + 1 : last);
    cursor = last + 1;
  }
  if (place !== undefined && place > last) last = place;
  if (last < index) return undefined;
  const after = analysis.token(last + 1);
  // "Mobile:", "Desk:": a field label, not a town.
  if (after?.text === ":" && !after.lineStart) return undefined;
  const closes =
    after === undefined ||
    after.lineStart ||
    after.text === "," ||
    after.shape === "number" ||
    [".", "?", "!", ";", ")"].includes(after.text) ||
    (after.shape === "upper" && after.text.length <= 3) ||
    secondaryUnitWords.has(after.lower) ||
    (place !== undefined && place === last) ||
    // "ΠΑΦΟΣ (PAFOS)": the town's other spelling in brackets.
    (after.text === "(" && analysis.token(last + 3)?.text === ")") ||
    // "… WALLAROO Australia last week", "… KREMS NO after lunch": the run ends in a
    // country or a region code, so the words after it are the sentence going on.
    (last > index && endsInPlaceOrRegion(analysis, index, last));
  if (!closes) return undefined;
  // Ordinary lower-case words are prose, not a town, unless the gazetteer knows them.
  if (place === undefined) {
    for (let word = index; word <= last; word++) {
      const token = analysis.token(word) as Token;
      if (token.shape === "lower" && !streetNameParticles.has(token.lower) && commonWords().has(token.lower)) return undefined;
    }
    // On the street's own line without a comma, a run of ordinary capitalised words is more likely prose.
    if (!separated && last - index >= 3) return undefined;
  }
  const placeKnown = place !== undefined && place === last;
  return { end: last, part: placeKnown ? "place" : "locality" };
}
