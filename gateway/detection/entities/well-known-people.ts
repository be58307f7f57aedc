import { commonWords, europeanWords, knownWords } from "./common-words.js";
import { lazy, wordSet } from "./lazy.js";
import { cueAfter } from "./person-context.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { tokenPattern } from "./tokenize.js";
import { classifyWord } from "./word-class.js";
import { wellKnownPeopleNames } from "./well-known-people-names.js";

/**
 * How an entry may be written to count:
 * - `acronym` ("SZA", "KSI"): in capitals only, and where a capitalised single word would count,
 *   in a line with no other run of capitals ("the KSI field in the NAS message" is protocol talk);
 * - `distinct` ("bruno mars", "harry styles", "beyonce", "neymar"): in any case. A full name
 *   counts unless all its words are ordinary words and the first is no first name ("Ice Cube",
 *   "Kid Rock"); a single name when it is four letters or more and neither an English word nor
 *   a common word of another European language ("messi" and "modi" are Italian words, "pele"
 *   Portuguese);
 * - `capitalised` ("Trump", "Drake", "Messi", "Ice Cube"): with its capitals; a single word
 *   only inside a sentence, standing alone, and not where it reads as the ordinary word.
 */
type Spelling = "acronym" | "distinct" | "capitalised";

interface Entry {
  words: number;
  spelling: Spelling;
  /** The entry as written, spaces removed, for the acronym case check. */
  compact: string;
}

interface Lexicon {
  entries: ReadonlyMap<string, Entry>;
  /** Every leading part of every entry ("george", "george w", "george w ."): the scan stops as soon as none matches. */
  prefixes: ReadonlySet<string>;
}

// "a trump card", "the Usher", "this Drake": after these an ordinary word is the word.
const determiners = wordSet("a an the this that these those my your his her its our their every each no some any another");

const lexicon = lazy((): Lexicon => {
  const entries = new Map<string, Entry>();
  const prefixes = new Set<string>();
  for (const name of wellKnownPeopleNames) {
    for (const spelling of spellingsOf(name)) {
      const tokens = entryTokens(spelling);
      if (tokens.length === 0) continue;
      const lowers = tokens.map((token) => token.lower);
      const words = tokens.filter((token) => token.word);
      // Developer vocabulary stays out, whatever the list says.
      if (words.length === 1 && classifyWord(lowers[0] ?? "") === "stop") continue;
      const letters = spelling.replace(/[^\p{L}\p{N}]/gu, "");
      const acronym = words.length === 1 && letters.length <= 5 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
      const distinct =
        words.length === 1
          ? letters.length >= 4 && !isWord(lowers[0] ?? "")
          : words.some((token) => /\p{L}/u.test(token.lower) && !commonWords().has(token.lower)) || opensWithFirstName(words[0]?.lower ?? "");
      const key = lowers.join(" ");
      for (let length = 1; length <= lowers.length; length++) prefixes.add(lowers.slice(0, length).join(" "));
      entries.set(key, { words: words.length, spelling: acronym ? "acronym" : distinct ? "distinct" : "capitalised", compact: spelling.replace(/\s+/g, "") });
    }
  }
  return { entries, prefixes };
});

/** An English word, or a common word of another European language with or without its accents ("messi", "pele"). */
function isWord(lower: string): boolean {
  if (knownWords().has(lower) || commonWords().has(lower) || europeanWords().has(lower)) return true;
  const plain = lower.normalize("NFD").replace(/\p{M}/gu, "");
  return plain !== lower && europeanWords().has(plain);
}

// Split with the tokenizer's word pattern ("O'Neal", "Jay-Z" are one word; "Dr." is two
// tokens), so that keys match the tokens of real text. Entries are not run through `tokenize`
// itself: feeding the hot tokenizer some two thousand names at start-up made every later
// 1,000-token prompt about 0.15 ms slower.
function entryTokens(name: string): Array<{ lower: string; word: boolean }> {
  return (name.match(tokenPattern) ?? []).map((text) => ({ lower: text.toLowerCase(), word: /[\p{L}\p{Nd}]/u.test(text) }));
}

/** "harry styles", "bill gates": a full name of ordinary words still reads as a name when it opens with a first name; "ice cube" does not. */
function opensWithFirstName(lower: string): boolean {
  const wordClass = classifyWord(lower);
  return wordClass === "first" || wordClass === "ambiguousFirst";
}

/** The entry as written, without accents ("Beyonce", "Mbappe") and without the dots of its initials ("Dr Dre", "George W Bush"). */
function spellingsOf(name: string): string[] {
  const spellings = new Set([name]);
  const plain = name.normalize("NFD").replace(/\p{M}/gu, "");
  spellings.add(plain);
  for (const spelling of [name, plain]) {
    if (spelling.includes(".")) spellings.add(spelling.replace(/\.\s*/g, " ").replace(/\s+/g, " ").trim());
  }
  return [...spellings];
}

/** Warms the lexicon at start-up with the others. */
export function warmWellKnownPeople(): void {
  lexicon();
}

function writtenAsListed(analysis: TextAnalysis, start: number, last: number, entry: Entry): boolean {
  switch (entry.spelling) {
    case "acronym":
      return analysis.token(start)?.text === entry.compact && !afterDeterminer(analysis, start) && !besideOtherCapitals(analysis, start) && standsAloneAsName(analysis, start);
    case "distinct":
      return true;
    case "capitalised": {
      for (let index = start; index <= last; index++) {
        const token = analysis.token(index);
        if (token === undefined) return false;
        const capitalised = token.shape === "title" || token.shape === "mixed" || (token.shape === "upper" && !token.shouted);
        // "50 Cent": a number stands as it is.
        if (!capitalised && token.shape !== "punctuation" && token.shape !== "number") return false;
      }
      return entry.words > 1 || standsAloneAsName(analysis, start);
    }
  }
}

/**
 * An ordinary word that is also a famous name ("Trump", "Drake", "Usher") reads as the name
 * only where its capital says so: inside a sentence, not beside another capitalised word ("Sir
 * Francis Drake", "Usher Street"; a title before it is fine: "President Trump"), not after a
 * determiner unless a noun follows ("the Usher", but "the Trump administration"), not as
 * "Drake of Devon", not in a list of capitalised ordinary words ("Roles: Host, Usher and
 * Greeter"), and not in a language that capitalises nouns. At a sentence's start only a
 * possessive or a speech verb after it says it is the person ("Trump's wall", "Trump says").
 */
function standsAloneAsName(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.shouted || analysis.otherEuropeanLanguage()) return false;
  const previous = analysis.token(index - 1);
  if (previous !== undefined && !token.lineStart) {
    // "the Prince", "a Drake" are the words; "the Trump administration", "a Bush era" the names.
    if (determiners.has(previous.lower) && !followedByLowerCaseWord(analysis, index)) return false;
    if (analysis.isCapitalised(index - 1) && !token.sentenceStart && analysis.wordClass(index - 1) !== "stop") return false;
  }
  const next = analysis.token(index + 1);
  if (next !== undefined && !next.lineStart) {
    if (analysis.isCapitalised(index + 1)) return false;
    if (next.lower === "of" && analysis.isCapitalised(index + 2)) return false;
  }
  if (listedWithOrdinaryWords(analysis, index)) return false;
  if (!token.sentenceStart) return true;
  // "Trump's", and "Trump ' s" in text that was split into tokens before it reached us.
  const possessive = next !== undefined && (next.text === "'" || next.text === "’") && analysis.token(index + 2)?.lower === "s";
  return possessive || cueAfter(analysis, index + 1);
}

// "the Drake was", "a Sting is": after these the capitalised word is the subject, so the word itself.
const auxiliaries = wordSet("is was are were be been has had have will would can could should may might must did does do of");

// What joins the items of a list.
const listSeparators = wordSet(", / & and or");

/**
 * "Red, Usher and Blue", "Notes: Vanilla, Musk, Amber": a neighbouring list item is a
 * capitalised ordinary word, so this item is one too. A neighbour that is itself a listed name
 * keeps both names ("Drake and Cher").
 */
function listedWithOrdinaryWords(analysis: TextAnalysis, index: number): boolean {
  for (const [separator, item] of [
    [index - 1, index - 2],
    [index + 1, index + 2],
  ] as const) {
    const between = analysis.token(separator);
    const neighbour = analysis.token(item);
    if (between === undefined || neighbour === undefined || !listSeparators.has(between.lower)) continue;
    // The list stays on one line.
    if (analysis.token(Math.max(index, separator))?.lineStart || analysis.token(Math.max(separator, item))?.lineStart) continue;
    if (!analysis.isCapitalised(item) || lexicon().entries.has(neighbour.lower)) continue;
    const wordClass = analysis.wordClass(item);
    if (wordClass === "common" || wordClass === "rare" || wordClass === "stop") return true;
  }
  return false;
}

/** "the KSI field", "a SZA": after a determiner an acronym names a thing. */
function afterDeterminer(analysis: TextAnalysis, index: number): boolean {
  const previous = analysis.token(index - 1);
  return previous !== undefined && !analysis.token(index)?.lineStart && determiners.has(previous.lower);
}

/** "the KSI field in the NAS security mode command": another run of capitals on the line says it is technical text. */
function besideOtherCapitals(analysis: TextAnalysis, index: number): boolean {
  const runs = capitalRunsByLine(analysis)[analysis.lineStartOf(index)] ?? 0;
  // The hit itself is a listed acronym, so it is never among the runs counted; the check stays for safety.
  return runs - (isOtherCapitalRun(analysis, index) ? 1 : 0) > 0;
}

// Counted once per analysis, on the first acronym hit: scanning the line again for every hit
// made one long line of repeated "KSI" (a protocol log's JSON line) quadratic.
const capitalRunsCache = new WeakMap<TextAnalysis, Uint32Array>();

/** How many runs of capitals that are not listed acronyms each line holds, at the index of the line's first token. */
function capitalRunsByLine(analysis: TextAnalysis): Uint32Array {
  const cached = capitalRunsCache.get(analysis);
  if (cached !== undefined) return cached;
  const runs = new Uint32Array(analysis.tokens.length);
  for (let index = 0; index < analysis.tokens.length; index++) {
    if (!isOtherCapitalRun(analysis, index)) continue;
    const line = analysis.lineStartOf(index);
    runs[line] = (runs[line] ?? 0) + 1;
  }
  capitalRunsCache.set(analysis, runs);
  return runs;
}

/** "NAS", "IMSI": two capitals or more that are not a listed acronym ("SZA" beside "KSI" keeps both). */
function isOtherCapitalRun(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  return token !== undefined && token.shape === "upper" && token.text.length >= 2 && lexicon().entries.get(token.lower)?.spelling !== "acronym";
}

function followedByLowerCaseWord(analysis: TextAnalysis, index: number): boolean {
  const next = analysis.token(index + 1);
  return next !== undefined && next.shape === "lower" && !next.lineStart && !auxiliaries.has(next.lower);
}

/**
 * People known by their name alone ("thanks rihanna", "bruno mars", "I think Trump lied",
 * "Neymar scored"). Code is left alone.
 */
export function findWellKnownPeople(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const { entries, prefixes } = lexicon();
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const opening = tokens[index];
    if (opening === undefined || !prefixes.has(opening.lower) || analysis.inCode(index)) continue;
    let key = "";
    let best: Candidate | undefined;
    let bestLast = index;
    for (let last = index; last < tokens.length; last++) {
      const token = tokens[last];
      if (token === undefined || (last > index && (token.lineStart || analysis.inCode(last)))) break;
      key = last === index ? token.lower : `${key} ${token.lower}`;
      if (!prefixes.has(key)) break;
      const entry = entries.get(key);
      if (entry === undefined || !writtenAsListed(analysis, index, last, entry)) continue;
      // The longest entry starting here: "George W. Bush" over "George Bush"'s "George".
      best = { start: opening.start, end: token.end, type: "PERSON", score: entry.words > 1 ? 0.9 : entry.spelling === "capitalised" ? 0.7 : 0.8 };
      bestLast = last;
    }
    if (best !== undefined) {
      found.push(best);
      index = bestLast;
    }
  }
  return found;
}
