/**
 * How a word is written. `title` is a capital followed by small letters in each part of the
 * word ("Anna", "Mayo-Walters", "O'Brien", "McDonald"); `mixed` is any other mix of cases
 * ("GitHub", "iPhone"); `identifier` has an underscore; `uncased` is a script without case.
 */
export type WordShape = "title" | "upper" | "lower" | "mixed" | "identifier" | "number" | "alphanumeric" | "uncased" | "punctuation";

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  shape: WordShape;
  /** The whitespace before this token holds a line break (or this is the first token). */
  lineStart: boolean;
  /** No whitespace separates this token from the previous one. */
  attached: boolean;
  /** The first word of a sentence, a line or a quoted or labelled part, where capitals say little. */
  sentenceStart: boolean;
  /** The token's line is written mostly in capitals, so capitals say nothing there. */
  shouted: boolean;
}

// A word: letters, marks, digits and underscores, with inner apostrophes ("O'Brien", but not
// the possessive "'s") and hyphens. Everything else that is not whitespace is one token.
// Exported so that word lists can split their entries the way text is split.
export const tokenPattern = /[\p{L}\p{M}\p{Nd}_]+(?:['’](?![sS](?![\p{L}\p{M}]))[\p{L}\p{M}]+|-[\p{L}\p{M}\p{Nd}_]+)*|\S/gu;
const sentenceOpeners = new Set([".", "!", "?", "…", ":", ";", '"', "“", "”", "„", "«", "»", "(", "[", "{", "*", "•", "·", "|", ">", "-", "–", "—", "#"]);
// Surnames written with a prefix whose next letter is a capital: McDonald, MacLeod, DeShawn, LeBlanc, DiCaprio.
const capitalisedPrefix = /^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|Ter|Ten)\p{Lu}\p{Ll}/u;

const letterPattern = /[\p{L}\p{M}]/u;
const digitPattern = /\p{Nd}/u;

export function shapeOf(text: string): WordShape {
  if (text.includes("_")) return "identifier";
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let letters = 0;
  let firstUpper = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // ASCII first: most text is, and a regular expression per character is slow.
    if (code < 128) {
      if (index === 0) firstUpper = code >= 65 && code <= 90;
      if (code >= 48 && code <= 57) digits++;
      else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 97 && code <= 122) {
        letters++;
        lower++;
      }
      continue;
    }
    // Outside ASCII, read whole code points: "𝐀" and many scripts take two UTF-16 units.
    const point = text.codePointAt(index) ?? code;
    const character = String.fromCodePoint(point);
    if (point > 0xffff) index++;
    if (letterPattern.test(character)) {
      letters++;
      if (character !== character.toLowerCase()) {
        upper++;
        if (index === 0) firstUpper = true;
      } else if (character !== character.toUpperCase()) lower++;
    } else if (digitPattern.test(character)) digits++;
  }
  if (letters === 0) return digits > 0 ? "number" : "punctuation";
  if (digits > 0) return "alphanumeric";
  if (upper === 0 && lower === 0) return "uncased";
  if (upper === 0) return "lower";
  if (lower === 0) return "upper";
  // The usual case, "Anna": one capital, in front, and nothing to split on.
  if (upper === 1 && firstUpper && !/['’-]/.test(text)) return "title";
  const parts = text.split(/['’-]/);
  if (parts.every((part) => part.length === 0 || isTitlePart(part))) return "title";
  // "Hauta-aho", "Jean-claude": a title-case word with lower-case parts after a hyphen.
  if (isTitlePart(parts[0] ?? "") && text.includes("-") && !text.includes("'") && !text.includes("’") && parts.slice(1).every((part) => part === part.toLowerCase())) return "title";
  if (capitalisedPrefix.test(text)) return "title";
  return "mixed";
}

const lowerNamePrefixes = new Set(["d", "l", "al", "el", "ul", "bin", "ben", "ibn", "abu", "da", "de", "di", "du", "o"]);

function isTitlePart(part: string): boolean {
  const first = part.charAt(0);
  if (first === first.toLowerCase()) return lowerNamePrefixes.has(part); // "d'Angelo", "al-Amin"
  const rest = part.slice(1);
  return rest === rest.toLowerCase();
}

// The same pattern, sticky: it is tried at one position and reports only where the match
// ends, so tokenising allocates no match arrays.
const stickyTokenPattern = new RegExp(tokenPattern.source, "uy");
const whitespace = /\s/;

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * Where the token starting at `position` ends, as `stickyTokenPattern` says. Plain ASCII words
 * and punctuation, most of any text, are read directly; a word that reaches a non-ASCII
 * character, an apostrophe or a hyphen is left to the pattern.
 */
function tokenEnd(text: string, position: number, code: number): number {
  if (code < 128) {
    if (!isAsciiWordCode(code)) return position + 1;
    let cursor = position + 1;
    while (cursor < text.length && isAsciiWordCode(text.charCodeAt(cursor))) cursor++;
    const next = cursor < text.length ? text.charCodeAt(cursor) : 32;
    if (next < 128 && next !== 39 && next !== 45) return cursor;
  }
  stickyTokenPattern.lastIndex = position;
  return stickyTokenPattern.test(text) ? stickyTokenPattern.lastIndex : position + 1;
}

/** Splits text into words and punctuation with their UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let lineBreakSeen = true;
  let position = 0;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === 32 || code === 9 || code === 10 || code === 13 || (code > 127 && whitespace.test(text.charAt(position)))) {
      if (code === 10) lineBreakSeen = true;
      position++;
      continue;
    }
    const end = tokenEnd(text, position, code);
    const word = text.slice(position, end);
    const previous = tokens[tokens.length - 1];
    tokens.push({
      start: position,
      end,
      text: word,
      lower: word.toLowerCase(),
      shape: shapeOf(word),
      lineStart: lineBreakSeen,
      attached: tokens.length > 0 && position === previousEnd,
      sentenceStart: lineBreakSeen || (previous !== undefined && sentenceOpeners.has(previous.text)),
      shouted: false,
    });
    lineBreakSeen = false;
    previousEnd = end;
    position = end;
  }
  markShoutedLines(tokens);
  return tokens;
}

// A line of at least three words with more capitals than small letters: "THIS IS SO GOOD".
function markShoutedLines(tokens: Token[]): void {
  let lineBegin = 0;
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index];
    if (index === tokens.length || (index > lineBegin && token?.lineStart)) {
      let upperWords = 0;
      let casedWords = 0;
      for (let inLine = lineBegin; inLine < index; inLine++) {
        const shape = tokens[inLine]?.shape;
        if (shape === "upper" || shape === "title" || shape === "lower" || shape === "mixed") casedWords++;
        if (shape === "upper" && (tokens[inLine]?.text.length ?? 0) > 1) upperWords++;
      }
      if (casedWords >= 3 && upperWords * 2 > casedWords) {
        for (let inLine = lineBegin; inLine < index; inLine++) (tokens[inLine] as Token).shouted = true;
      }
      lineBegin = index;
    }
  }
}
