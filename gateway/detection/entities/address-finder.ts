import { extendAddress, linePrefixMarks } from "./address-parts.js";
import { findPostcodesInContext } from "./postcode-finder.js";
import { findStreetCore } from "./street-lines.js";
import { afterDot, isHouseNumber, isStreetNameWord } from "./street-tokens.js";
import { streetNameParticles, streetTypesAfterName } from "./street-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";

/**
 * Street addresses: the street line in the common shapes of Europe and the Americas (number
 * first, type after the name, type before the name, one-word names with a street ending,
 * military and post-office boxes), then whatever follows it that reads as the rest of an
 * address: apartment or suite, town, region code, postcode and country, across commas and
 * line breaks.
 */
export function findAddresses(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  let index = 0;
  while (index < tokens.length) {
    const core = analysis.inCode(index) ? undefined : findStreetCore(analysis, index);
    if (core === undefined) {
      index++;
      continue;
    }
    const { end, confirmed } = extendAddress(analysis, core.end);
    if (core.tentative && !confirmed) {
      index++;
      continue;
    }
    let start = core.start;
    let last = end;
    // "the corner of X and Y": both streets and the phrase that joins them.
    const corner = cornerOf(analysis, start, last);
    if (corner !== undefined) ({ start, last } = corner);
    for (const [first, final] of splitAtQuoteMarks(analysis, start, last)) {
      found.push({ start: (tokens[first] as Token).start, end: (tokens[final] as Token).end, type: "LOCATION", score: core.score });
    }
    index = last + 1;
  }
  found.push(...findPostcodesInContext(analysis));
  return found;
}

/**
 * An address in a quoted block ("> " before each line) becomes one finding a line, without the
 * marks: they are the quoting, not the address, and a rewritten text keeps them.
 */
function splitAtQuoteMarks(analysis: TextAnalysis, start: number, last: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let first = start;
  for (let index = start + 1; index <= last; index++) {
    const token = analysis.token(index) as Token;
    if (!token.lineStart || !linePrefixMarks.has(token.text)) continue;
    pieces.push([first, index - 1]);
    while (index < last && linePrefixMarks.has((analysis.token(index) as Token).text)) index++;
    first = index;
  }
  pieces.push([first, last]);
  return pieces;
}

/** "the corner of A and B": widens an address found at A or B to the whole phrase. */
function cornerOf(analysis: TextAnalysis, start: number, last: number): { start: number; last: number } | undefined {
  const ofIndex = start - 1;
  if (analysis.token(ofIndex)?.lower !== "of" || analysis.token(ofIndex - 1)?.lower !== "corner") return undefined;
  const opening = analysis.token(ofIndex - 2)?.lower === "the" ? ofIndex - 2 : ofIndex - 1;
  const and = analysis.token(last + 1);
  if (and === undefined || (and.lower !== "and" && and.text !== "&")) return { start: opening, last };
  // The second street: capitalised words, numbers and street words up to the sentence's end.
  let cursor = last + 2;
  let end = last;
  for (let words = 0; words < 6; words++) {
    const token = analysis.token(cursor);
    if (token === undefined || token.lineStart) break;
    if (!(isStreetNameWord(analysis, cursor) || isHouseNumber(token) || streetNameParticles.has(token.lower) || streetTypesAfterName.has(token.lower))) break;
    end = afterDot(analysis, cursor);
    cursor = end + 1;
  }
  return { start: opening, last: end };
}
