import type { Candidate, TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";

interface Line {
  /** Token indices of the line's words, past leading quote marks and bullets ("> ", "??? "). */
  first: number;
  last: number;
}

const leadingMarks = new Set([">", "?", "*", "-", "•", "·", "|", "#"]);

/**
 * Letterheads and signature blocks: short lines under a person's name (and above an
 * address) name the person's employer, and sometimes a job title:
 *
 *     Idris Ibragimov
 *     Onvia
 *     1317 Kimberly Way
 *
 * Such a line is taken as an organisation when it is a few words, with no digits, colon or
 * at-sign, and sits between a found person and a found address, or directly under the person.
 */
export function findContactBlockOrganizations(analysis: TextAnalysis, found: readonly Candidate[]): Candidate[] {
  const lines = splitLines(analysis);
  const results: Candidate[] = [];
  // `found` does not overlap: each character belongs to at most one candidate, so a line's
  // candidates are looked up by character instead of by scanning them all.
  const owner = new Int32Array(analysis.text.length).fill(-1);
  found.forEach((candidate, position) => owner.fill(position, candidate.start, candidate.end));
  const candidateAt = (offset: number) => found[owner[offset] ?? -1];
  const coveredBy = (line: Line, type: Candidate["type"]) => {
    const start = (analysis.token(line.first) as Token).start;
    const end = (analysis.token(line.last) as Token).end;
    const candidate = candidateAt(start);
    return candidate !== undefined && candidate.type === type && candidate.score >= 0.55 && end <= candidate.end;
  };
  const startsAddress = (line: Line) => {
    const start = (analysis.token(line.first) as Token).start;
    const candidate = candidateAt(start);
    return candidate !== undefined && candidate.type === "LOCATION" && candidate.score >= 0.7 && candidate.start === start;
  };
  const hasSureCandidate = (line: Line) => {
    for (let offset = (analysis.token(line.first) as Token).start; offset < (analysis.token(line.last) as Token).end; offset++) {
      if ((candidateAt(offset)?.score ?? 0) >= 0.7) return true;
    }
    return false;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!isNameLikeLine(analysis, line) || hasSureCandidate(line)) continue;
    const above = lines[index - 1];
    const twoAbove = lines[index - 2];
    const below = lines[index + 1];
    const underPerson = (above !== undefined && coveredBy(above, "PERSON")) || (twoAbove !== undefined && coveredBy(twoAbove, "PERSON") && above !== undefined && isNameLikeLine(analysis, above));
    const overAddress = below !== undefined && startsAddress(below);
    if (!underPerson && !overAddress) continue;
    results.push({ start: (analysis.token(line.first) as Token).start, end: (analysis.token(line.last) as Token).end, type: "ORGANIZATION", score: underPerson && overAddress ? 0.6 : 0.5 });
  }
  return results;
}

function splitLines(analysis: TextAnalysis): Line[] {
  const lines: Line[] = [];
  const tokens = analysis.tokens;
  let index = 0;
  while (index < tokens.length) {
    let end = index;
    while (end + 1 < tokens.length && !tokens[end + 1]?.lineStart) end++;
    let first = index;
    while (first <= end && leadingMarks.has(tokens[first]?.text ?? "")) first++;
    if (first <= end) lines.push({ first, last: end });
    index = end + 1;
  }
  return lines;
}

/** One to five words, no digits, colon, at-sign or sentence punctuation, outside code. */
function isNameLikeLine(analysis: TextAnalysis, line: Line): boolean {
  if (line.last - line.first > 6) return false;
  let words = 0;
  for (let index = line.first; index <= line.last; index++) {
    const token = analysis.token(index) as Token;
    if (analysis.inCode(index)) return false;
    if (token.shape === "number" || token.shape === "alphanumeric") return false;
    if (token.shape === "punctuation" || token.shape === "uncased" && !/\p{L}/u.test(token.text)) {
      if (![",", "&", "-", "'", "’", "."].includes(token.text)) return false;
      continue;
    }
    if (analysis.wordClass(index) === "stop" && token.shape !== "upper") return false;
    words++;
  }
  return words >= 1 && words <= 5;
}
