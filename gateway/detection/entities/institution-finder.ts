import { commonWords } from "./common-words.js";
import { matchPlace } from "./place-match.js";
import { institutionTitles, institutionWords, saintPrefixes } from "./organization-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";
import { stripPossessive } from "./word-class.js";

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
  if (!isDistinctive(analysis, start, index)) return undefined;
  const end = placeAfter(analysis, index) ?? index;
  return { start: (analysis.token(start) as Token).start, end: (analysis.token(end) as Token).end, type: "ORGANIZATION", score: 0.9 };
}

function isInstitutionHead(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.lineStart || !analysis.isCapitalised(index)) return false;
  if (institutionWords.has(token.lower)) return true;
  // "Saint Luke's Medical Center": a centre is an institution only with its kind before it.
  if (token.lower !== "center" && token.lower !== "centre") return false;
  const kind = analysis.token(index - 1)?.lower;
  return kind === "medical" || kind === "health" || kind === "cancer" || kind === "research";
}

/** Any capitalised word but a function word or a day; titles that name institutions and saints' prefixes included ("General", "King's", "St"). */
function isInstitutionNameWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || analysis.inCode(index)) return false;
  if (!analysis.isCapitalised(index) && token.shape !== "mixed") return false;
  if (functionWords.has(token.lower)) return false;
  if (analysis.wordClass(index) !== "stop") return true;
  return institutionTitles.has(stripPossessive(token.lower)) || saintPrefixes.has(token.lower);
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
    // "Thomas' Hospital": the apostrophe alone after a name ending in s.
    if (isApostrophe(token) && token.attached && analysis.token(cursor - 1)?.lower.endsWith("s") === true) {
      if (!isInstitutionNameWord(analysis, cursor - 1)) break;
      cursor--;
      continue;
    }
    // "St. Jude": the dot of an abbreviated saint.
    if (token.text === "." && token.attached && start !== undefined && saintPrefixes.has(analysis.token(cursor - 1)?.lower ?? "") && analysis.isCapitalised(cursor - 1)) {
      cursor--;
      continue;
    }
    // "Guy's and St Thomas'": two saints or founders joined by "and".
    if ((token.lower === "and" || token.text === "&") && start !== undefined && saintPrefixes.has(analysis.token(start)?.lower ?? "")) {
      const before = analysis.token(cursor - 1);
      if (before === undefined || !(before.lower === "s" || isInstitutionNameWord(analysis, cursor - 1))) break;
      cursor--;
      continue;
    }
    if (!isInstitutionNameWord(analysis, cursor)) break;
    start = cursor;
    words++;
    cursor--;
  }
  return start;
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
    if (saintPrefixes.has(token.lower) || institutionTitles.has(token.lower)) return true;
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
