import { commonWords } from "./common-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";

/** Below this score a person candidate is a guess; guesses do not vouch for other words. */
const vouchingScore = 0.55;

/**
 * Once a name is found, its words name that person elsewhere in the text ("Faina D. Yefremova
 * … early Yefremova"), and the words listed beside a name are names too ("Eklund, Michael and
 * Hodge", "emma and kaite"). Returns the new candidates only.
 */
export function findFurtherMentions(analysis: TextAnalysis, candidates: readonly Candidate[]): Candidate[] {
  const people = candidates.filter((candidate) => candidate.type === "PERSON" && candidate.score >= vouchingScore).sort((a, b) => a.start - b.start);
  if (people.length === 0) return [];
  const taken = new Uint8Array(analysis.text.length);
  for (const candidate of candidates) taken.fill(1, candidate.start, candidate.end);
  const covered = (start: number, end: number) => taken.subarray(start, end).includes(1);
  const found: Candidate[] = [];
  const nameWords = new Set<string>();
  const tokens = analysis.tokens;
  const personAt = new Map<number, Candidate>();
  // Candidates do not overlap and tokens come in order: one sweep pairs them.
  let next = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    while (next < people.length && (people[next] as Candidate).end <= token.start) next++;
    const person = people[next];
    if (person === undefined || person.start > token.start || token.end > person.end) continue;
    personAt.set(index, person);
    if (token.text.length >= 3 && !commonWords().has(token.lower) && analysis.wordClass(index) !== "stop") nameWords.add(token.lower);
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    if (!nameWords.has(token.lower) || personAt.has(index) || analysis.inCode(index)) continue;
    if (token.shape !== "title" && token.shape !== "lower" && token.shape !== "upper") continue;
    if (!covered(token.start, token.end)) found.push({ start: token.start, end: token.end, type: "PERSON", score: 0.6 });
  }
  found.push(...findListedBeside(analysis, personAt, covered));
  return found;
}

const listJoiners = new Set(["and", "&", "or", ",", "und", "et", "y", "e", "en", "og", "och"]);

/** Names joined to a known person by "and", "&", "or" or a comma. */
function findListedBeside(analysis: TextAnalysis, personAt: Map<number, Candidate>, covered: (start: number, end: number) => boolean): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  const joiners: number[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    if (listJoiners.has(token.lower) && !token.lineStart) joiners.push(index);
  }
  if (joiners.length === 0) return found;
  // Two sweeps, left to right then right to left, so a whole list follows from one known name.
  for (let step = 0; step < joiners.length * 2; step++) {
    const index = joiners[step < joiners.length ? step : joiners.length * 2 - 1 - step] as number;
    const before = index - 1;
    const after = index + 1;
    const beforeIsPerson = personAt.has(before);
    const afterIsPerson = personAt.has(after);
    if (beforeIsPerson === afterIsPerson) continue;
    const other = beforeIsPerson ? after : before;
    const token = tokens[other];
    if (token === undefined || token.lineStart || analysis.inCode(other) || covered(token.start, token.end)) continue;
    const known = tokens[beforeIsPerson ? before : after];
    if (!isListableName(analysis, other, known?.shape === "lower")) continue;
    personAt.set(other, { start: token.start, end: token.end, type: "PERSON", score: 0.55 });
    found.push({ start: token.start, end: token.end, type: "PERSON", score: 0.55 });
  }
  return found;
}

function isListableName(analysis: TextAnalysis, index: number, lowerCaseList: boolean): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.text.length < 2) return false;
  const wordClass = analysis.wordClass(index);
  if (wordClass === "stop" || wordClass === "common" || wordClass === "rare") return false;
  if (token.shape === "title") return true;
  // Lower-case posts list lower-case names ("emma and kaite"); beside a capitalised name a lower-case word is prose.
  return token.shape === "lower" && lowerCaseList && (wordClass === "unknown" || wordClass === "first" || wordClass === "surname");
}
