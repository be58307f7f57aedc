import { commonWords, knownWords } from "./common-words.js";
import { lazy } from "./lazy.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { tokenize } from "./tokenize.js";
import { classifyWord, stripPossessive } from "./word-class.js";
import { wellKnownOrganizationNames } from "./well-known-organization-names.js";

/**
 * How an entry may be written to count:
 * - `acronym` ("NBC", "FIFA"): in capitals only, so the word "nba" in a URL slug or "ups" do not;
 * - `distinct` (a word no dictionary has: "Lenovo", "SpaceX", "Bengals"): in any case;
 * - `capitalised` (ordinary words: "Apple", "United", "Warriors", "Best Buy"): with its capitals,
 *   and a single word only inside a sentence and standing alone, not as part of a longer name.
 */
type Spelling = "acronym" | "distinct" | "capitalised";

interface Entry {
  words: number;
  spelling: Spelling;
  /** The entry as written, spaces removed, for the acronym case check. */
  compact: string;
}

const longestEntry = 4;

interface Lexicon {
  entries: ReadonlyMap<string, Entry>;
  /** The first words of all entries: most tokens are ruled out by one lookup. */
  firstWords: ReadonlySet<string>;
}

const lexicon = lazy((): Lexicon => {
  const entries = new Map<string, Entry>();
  const firstWords = new Set<string>();
  for (const name of wellKnownOrganizationNames) {
    const tokens = tokenize(name);
    if (tokens.length === 0 || tokens.length > longestEntry) continue;
    const lowers = tokens.map((token) => token.lower);
    // Developer vocabulary stays out, whatever the list says.
    if (tokens.length === 1 && classifyWord(lowers[0] ?? "") === "stop") continue;
    const letters = name.replace(/[^\p{L}\p{N}&]/gu, "");
    const acronym = letters.length <= 5 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
    const distinct = lowers.some((word) => /\p{L}/u.test(word) && !knownWords().has(word) && !commonWords().has(word));
    firstWords.add(lowers[0] ?? "");
    entries.set(lowers.join(" "), { words: tokens.length, spelling: acronym ? "acronym" : distinct ? "distinct" : "capitalised", compact: name.replace(/\s+/g, "") });
  }
  return { entries, firstWords };
});

/** Warms the lexicon at start-up with the others. */
export function warmWellKnownOrganizations(): void {
  lexicon();
}

function writtenAsListed(analysis: TextAnalysis, start: number, last: number, entry: Entry): boolean {
  const first = analysis.token(start);
  if (first === undefined) return false;
  switch (entry.spelling) {
    case "acronym": {
      let written = "";
      for (let index = start; index <= last; index++) written += analysis.token(index)?.text ?? "";
      return written === entry.compact;
    }
    case "distinct":
      return true;
    case "capitalised": {
      for (let index = start; index <= last; index++) {
        const token = analysis.token(index);
        if (token === undefined || (token.shape !== "title" && token.shape !== "mixed" && !(token.shape === "upper" && !token.shouted))) {
          if (token?.shape !== "punctuation") return false;
        }
      }
      if (entry.words > 1) return true;
      // One ordinary word: not where any word takes a capital, not inside a longer name ("United States", "Miami Heat" stays with the run finder).
      return !first.sentenceStart && !first.shouted && !analysis.isCapitalised(start - 1) && !analysis.isCapitalised(last + 1);
    }
  }
}

/**
 * Organisations known by their name alone ("I love Lenovo laptops", "fly with United", "the
 * Bengals pick", "on Nickelodeon"). Code is left alone.
 */
export function findWellKnownOrganizations(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const { entries, firstWords } = lexicon();
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const opening = tokens[index];
    if (opening === undefined || !firstWords.has(stripPossessive(opening.lower)) || analysis.inCode(index)) continue;
    let key = "";
    for (let length = 1; length <= longestEntry && index + length - 1 < tokens.length; length++) {
      const last = index + length - 1;
      const token = tokens[last];
      if (token === undefined || (length > 1 && (token.lineStart || analysis.inCode(last)))) break;
      key = length === 1 ? stripPossessive(token.lower) : `${key} ${stripPossessive(token.lower)}`;
      const entry = entries.get(key);
      if (entry === undefined || !writtenAsListed(analysis, index, last, entry)) continue;
      // Keep the longest entry starting here: "Manchester United" over "Manchester".
      const candidate: Candidate = { start: (tokens[index] as { start: number }).start, end: token.end, type: "ORGANIZATION", score: 0.7 };
      if (found.length > 0 && (found[found.length - 1] as Candidate).start === candidate.start) found[found.length - 1] = candidate;
      else found.push(candidate);
    }
  }
  return found;
}
