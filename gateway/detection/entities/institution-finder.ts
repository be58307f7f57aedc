import { commonWords, knownWords } from "./common-words.js";
import { nationalityWords } from "./non-entity-words.js";
import { matchPlace } from "./place-match.js";
import {
  institutionOpeners,
  institutionTitles,
  institutionWords,
  saintPrefixes,
  surnameInstitutionWords,
  titledInstitutionWords,
  trustKinds,
} from "./organization-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";
import { isNameClass, stripPossessive } from "./word-class.js";

// Capitalised only because they open a sentence: "At St Mary's Hospital" starts at "St".
const functionWords = new Set([
  "the", "a", "an", "at", "in", "on", "to", "from", "for", "of", "by", "with", "and", "or", "but", "if", "when", "while", "after",
  "before", "during", "since", "until", "near", "into", "via", "our", "my", "his", "her", "their", "its", "your", "this", "that",
  "these", "those", "we", "i", "he", "she", "they", "it", "you", "both", "every", "each", "some", "any", "all", "no", "not",
]);

// Institutions whose word stands after the place they serve: "King's College London".
const placeAfterHeads = new Set(["college", "university"]);

/**
 * Hospitals, colleges, schools, trusts and churches named after saints, founders and places:
 * "St Mary's Hospital", "St. Jude Children's Research Hospital", "Massachusetts General
 * Hospital", "Guy's and St Thomas' NHS Foundation Trust", "King's College London". The
 * institution word pulls in the capitalised run before it, saints' prefixes, possessives and
 * titles included, so that the name wins over the person and place pieces inside it.
 */
export function institutionEndingIn(analysis: TextAnalysis, index: number): Candidate | undefined {
  if (!isInstitutionHead(analysis, index)) return undefined;
  const start = institutionStart(analysis, index);
  if (start === undefined) return undefined;
  if (isPersonBefore(analysis, start, index)) return undefined;
  if (!isDistinctive(analysis, start, index)) return undefined;
  const end = placeAfter(analysis, index) ?? index;
  return { start: (analysis.token(start) as Token).start, end: (analysis.token(end) as Token).end, type: "ORGANIZATION", score: 0.9 };
}

function isInstitutionHead(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.lineStart || !analysis.isCapitalised(index)) return false;
  if (token.lower === "trust") return isHealthTrust(analysis, index);
  if (institutionWords.has(token.lower)) return true;
  // "Saint Luke's Medical Center": a centre is an institution only with its kind before it.
  if (token.lower !== "center" && token.lower !== "centre") return false;
  const kind = analysis.token(index - 1)?.lower;
  return kind === "medical" || kind === "health" || kind === "cancer" || kind === "research";
}

/**
 * "NHS Foundation Trust", "Oxford Health Trust": a trust is an institution only as a health
 * or charitable one; "Root Certificate Authority Trust" and "Trust Store" are security words.
 */
function isHealthTrust(analysis: TextAnalysis, head: number): boolean {
  if (trustKinds.has(analysis.token(head - 1)?.lower ?? "")) return true;
  for (let cursor = head - 1; cursor >= 0 && cursor >= head - 7; cursor--) {
    const token = analysis.token(cursor) as Token;
    if (token.text === "NHS") return true;
    if (token.lineStart) break;
  }
  return false;
}

/**
 * Any capitalised word but a stop word (function words, days, titles, developer vocabulary),
 * with titles that name institutions, saints' prefixes and nationalities let back in
 * ("General", "King's", "St", "Royal Irish Academy").
 */
function isInstitutionNameWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || analysis.inCode(index)) return false;
  if (!analysis.isCapitalised(index) && token.shape !== "mixed") return false;
  if (functionWords.has(token.lower)) return false;
  if (analysis.wordClass(index) !== "stop") return true;
  const bare = stripPossessive(token.lower);
  return institutionTitles.has(bare) || saintPrefixes.has(token.lower) || nationalityWords.has(bare);
}

/** The possessive ending at `index`: "Mary's" ("'" "s") or "Thomas'" ("'" after a word in s). */
function isPossessiveEnd(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined) return false;
  if (token.lower === "s" && token.attached && isApostrophe(analysis.token(index - 1))) return true;
  return isApostrophe(token) && token.attached && analysis.token(index - 1)?.lower.endsWith("s") === true;
}

/** A word right after a saint's prefix: the "John" of "St John", "St. John". */
function followsSaintPrefix(analysis: TextAnalysis, index: number): boolean {
  const before = analysis.token(index - 1);
  if (before === undefined) return false;
  if (before.text === ".") return saintPrefixes.has(analysis.token(index - 2)?.lower ?? "");
  return saintPrefixes.has(before.lower);
}

/**
 * "Main St. Mary's Hospital is next door", "at St. Then Hospital": the dot ends a street name
 * or a sentence when a capitalised word stands before "St" or an ordinary word after the dot.
 */
function isSentenceDot(analysis: TextAnalysis, dot: number): boolean {
  const after = analysis.wordClass(dot + 1);
  if (after === "common" || after === "stop") return true;
  const before = analysis.token(dot - 2);
  if (before === undefined || before.sentenceStart || analysis.token(dot - 1)?.lineStart) return false;
  return analysis.isCapitalised(dot - 2) && !functionWords.has(before.lower);
}

function isApostrophe(token: Token | undefined): boolean {
  return token !== undefined && (token.text === "'" || token.text === "’");
}

/** The first token of the name that ends with the institution word at `head`, or undefined. */
function institutionStart(analysis: TextAnalysis, head: number): number | undefined {
  let start: number | undefined;
  let cursor = head - 1;
  let words = 0;
  while (cursor >= 0 && words < 7) {
    const token = analysis.token(cursor) as Token;
    if (analysis.token(cursor + 1)?.lineStart || analysis.inCode(cursor)) break;
    // "Mary's", "Children's": the tokenizer splits the possessive off as "'" and "s".
    if (token.lower === "s" && token.attached && isApostrophe(analysis.token(cursor - 1)) && analysis.token(cursor - 1)?.attached) {
      if (!isInstitutionNameWord(analysis, cursor - 2)) break;
      cursor -= 2;
      continue;
    }
    // "Thomas' Hospital": the apostrophe alone after a name ending in s; in "'Collins' Hospital" it closes a quote.
    if (isApostrophe(token) && token.attached && analysis.token(cursor - 1)?.lower.endsWith("s") === true) {
      if (!isInstitutionNameWord(analysis, cursor - 1)) break;
      if (isApostrophe(analysis.token(cursor - 2)) && analysis.token(cursor - 1)?.attached) return undefined;
      cursor--;
      continue;
    }
    // "St. Jude": the dot of an abbreviated saint.
    if (token.text === "." && token.attached && start !== undefined && saintPrefixes.has(analysis.token(cursor - 1)?.lower ?? "") && analysis.isCapitalised(cursor - 1)) {
      if (isSentenceDot(analysis, cursor)) break;
      cursor--;
      continue;
    }
    // "Guy's and St Thomas'", "St John and St Elizabeth": two saints or founders joined by
    // "and"; "Dr Smith and St Mary's" joins a person to the name.
    if ((token.lower === "and" || token.text === "&") && start !== undefined && saintPrefixes.has(analysis.token(start)?.lower ?? "")) {
      const before = cursor - 1;
      const joins = isPossessiveEnd(analysis, before) || (isInstitutionNameWord(analysis, before) && followsSaintPrefix(analysis, before));
      if (!joins) break;
      cursor--;
      continue;
    }
    if (!isInstitutionNameWord(analysis, cursor)) break;
    start = cursor;
    words++;
    cursor--;
  }
  if (start !== undefined && opensWithVerb(analysis, start, head)) start++;
  return start;
}

/**
 * "Contact St Mary's Hospital", "Is Santa Clara University": a dictionary word opening the
 * sentence before another capitalised word is an instruction or a question, not the name's
 * first word; "Royal Free Hospital" keeps the words institutions open with.
 */
export function opensWithVerb(analysis: TextAnalysis, start: number, head: number): boolean {
  const token = analysis.token(start) as Token;
  if (!token.sentenceStart || start + 1 >= head || !analysis.isCapitalised(start + 1)) return false;
  if (saintPrefixes.has(token.lower) || institutionTitles.has(token.lower) || institutionOpeners.has(token.lower)) return false;
  const wordClass = analysis.wordClass(start);
  return (wordClass === "common" || wordClass === "rare") && knownWords().has(token.lower);
}

/**
 * "Alonzo Church", "Senator Frank Church": a first name, alone or with a surname, before an
 * institution word that is also a surname is a person, left to the person finder.
 */
function isPersonBefore(analysis: TextAnalysis, start: number, head: number): boolean {
  if (!surnameInstitutionWords.has(analysis.token(head)?.lower ?? "") || head - start > 2) return false;
  const first = analysis.wordClass(start);
  if (first !== "first" && first !== "ambiguousFirst") return false;
  if (saintPrefixes.has(analysis.token(start)?.lower ?? "")) return false;
  return head - start === 1 || (isNameClass(analysis.wordClass(start + 1)) && analysis.isCapitalised(start + 1));
}

/**
 * A saint, a possessive, a title or a word beyond the common ones makes the name; "Children's
 * Hospital" or "Medical School" alone are a kind of place, not one place.
 */
function isDistinctive(analysis: TextAnalysis, start: number, head: number): boolean {
  let words = 0;
  for (let cursor = start; cursor < head; cursor++) {
    const token = analysis.token(cursor) as Token;
    if (token.lower === "s" || isApostrophe(token) || token.text === ".") continue;
    if (token.lower === "and" || token.text === "&") continue;
    words++;
    if (saintPrefixes.has(token.lower)) return true;
    // "King's College", "General Hospital", "Duke University"; not "Count Hospital entries"
    // at a sentence's start, nor "General Academy" or "General Trust" settings.
    if (institutionTitles.has(token.lower)) {
      if (isPossessiveEnd(analysis, cursor + 2)) return true;
      if (!token.sentenceStart && titledInstitutionWords.has(analysis.token(head)?.lower ?? "")) return true;
      continue;
    }
    if (nationalityWords.has(token.lower)) continue;
    if (analysis.wordClass(cursor) !== "common" || !commonWords().has(token.lower)) return true;
  }
  const first = analysis.token(start) as Token;
  return words >= 2 && !first.sentenceStart;
}

/** "King's College London", "University College Dublin": the last token of the place after it. */
function placeAfter(analysis: TextAnalysis, head: number): number | undefined {
  if (!placeAfterHeads.has(analysis.token(head)?.lower ?? "")) return undefined;
  const next = analysis.token(head + 1);
  if (next === undefined || next.lineStart || !analysis.isCapitalised(head + 1) || analysis.inCode(head + 1)) return undefined;
  return matchPlace(analysis, head + 1, true);
}
