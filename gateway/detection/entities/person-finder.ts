import { commonWords, everydayWords, knownWords } from "./common-words.js";
import { findLowerCaseNames } from "./lower-case-names.js";
import { isAcronymAmongWords, looksLikeProperNoun } from "./name-shape.js";
import { personCandidate } from "./person-candidate.js";
import { type Cue, cueAfter, cueBefore } from "./person-context.js";
import { longestName, readRun, type Run } from "./person-runs.js";
import { institutionTitles, institutionWords } from "./organization-words.js";
import { places } from "./place-lexicon.js";
import { findSpeakerLabels } from "./speaker-labels.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { isNameClass, type WordClass } from "./word-class.js";
import { findWellKnownPeople } from "./well-known-people.js";

/**
 * People: capitalised words that the name lists, a title, a cue phrase, or their shape mark
 * as a name; then, once a name is known, its later mentions and the names listed beside it.
 */
export function findPeople(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  let index = 0;
  while (index < tokens.length) {
    const run = readRun(analysis, index);
    if (run === undefined) {
      index++;
      continue;
    }
    found.push(...judgeRun(analysis, run));
    index = run.next;
  }
  found.push(...findLowerCaseNames(analysis));
  found.push(...findSpeakerLabels(analysis));
  found.push(...findWellKnownPeople(analysis));
  return found;
}

/**
 * A country, region or city of a million people or more: "Jordan", "Georgia", "Paris" read as
 * places first, and the place finder takes them. A smaller town that is also a surname
 * ("Salinas", "Morrison") is left to the person finder.
 */
function isPlaceName(analysis: TextAnalysis, indices: number[]): boolean {
  const key = indices.map((index) => analysis.token(index)?.lower ?? "").join(" ");
  const place = places().get(key);
  return place !== undefined && (place.kind !== "city" || place.population >= 1_000_000);
}

/** Decides which parts of a run are a person, and how sure that is. */
function judgeRun(analysis: TextAnalysis, run: Run): Candidate[] {
  const { indices } = run;
  const first = indices[0] as number;
  const last = indices[indices.length - 1] as number;
  // A long run of capitalised words is a heading or a title ("How To Train Your Dragon"):
  // only its words that are names on their own count.
  if (indices.length > longestName) {
    return indices.flatMap((index) => judgeRun(analysis, { indices: [index], next: index + 1 }));
  }
  // In code, only a full name from the lists or a titled name counts.
  const inCode = analysis.inCode(first);
  let cue = cueBefore(analysis, first);
  // "Massachusetts General Hospital", "King's College": a title before an institution's word is part of its name.
  if (cue === "naming" && institutionWords.has(analysis.token(first)?.lower ?? "") && institutionTitles.has(analysis.token(first - 1)?.lower ?? "")) cue = undefined;
  if (cue === "naming" && !inCode) {
    const trimmed = trimCommonTail(analysis, indices);
    if (trimmed.length > 0) return [personCandidate(analysis, first, trimmed[trimmed.length - 1] as number, 0.9)];
    return [];
  }
  if (cue === "greeting" && !inCode) {
    const openingClass = analysis.wordClass(first);
    if (isNameClass(openingClass) || (openingClass === "unknown" && looksLikeProperNoun(analysis, first))) {
      const trimmed = trimCommonTail(analysis, indices);
      return [personCandidate(analysis, first, trimmed[trimmed.length - 1] as number, 0.85)];
    }
  }
  const classes = indices.map((index) => {
    if (analysis.isInitial(index)) return "initial";
    if (analysis.token(index)?.shape === "lower") return "particle";
    const wordClass = analysis.wordClass(index);
    // After a particle comes the surname, even an ordinary word: "Willemine ten Pas", "Jan de Vries".
    if (analysis.token(index - 1)?.shape === "lower" && index > (indices[0] as number) && wordClass !== "stop") return "surname";
    // An unknown word in capitals or with stretched letters is shouting, not a name; a short
    // word in capitals beside title-case words is an acronym ("My IBAN", "Jira API").
    if (wordClass === "unknown" && !looksLikeProperNoun(analysis, index)) return "common";
    if (isAcronymAmongWords(analysis, index, indices)) return "common";
    return wordClass;
  });
  // "Alan Watts", "Martin Short": a capitalised common word right after a first name is its surname.
  for (let position = 1; position < classes.length; position++) {
    const wordClass = classes[position];
    const previous = classes[position - 1];
    const afterFirst = previous === "first" || (previous === "initial" && position >= 2 && (classes[position - 2] === "first" || classes[position - 2] === "ambiguousFirst"));
    if ((wordClass === "common" || wordClass === "rare") && afterFirst && analysis.token(indices[position] as number)?.shape === "title") {
      classes[position] = "ambiguousSurname";
    }
  }
  const results: Candidate[] = [];
  // Split where an ordinary word stands: "The Watcher", "Crown Street" are for other finders.
  let segmentStart = 0;
  for (let position = 0; position <= indices.length; position++) {
    const wordClass = classes[position];
    if (position < indices.length && wordClass !== "common" && wordClass !== "rare") continue;
    if (position > segmentStart) {
      const segment = indices.slice(segmentStart, position);
      const segmentClasses = classes.slice(segmentStart, position) as Array<WordClass | "initial" | "particle">;
      // A segment after an ordinary word has its own cue: "Caro Marco" splits at "Caro".
      const segmentCue = segmentStart === 0 ? cue : cueBefore(analysis, segment[0] as number);
      const candidate = judgeSegment(analysis, segment, segmentClasses, run, segmentCue, inCode);
      if (candidate) results.push(candidate);
    }
    segmentStart = position + 1;
  }
  if (results.length === 0 && !inCode && indices.length <= 3 && (cue === "weak" || cueAfter(analysis, run.next))) {
    // A name that is also a common word, in a name slot: "my wife Rose", "Mark said".
    if (classes.some((wordClass) => isNameClass(wordClass as WordClass))) results.push(personCandidate(analysis, first, last, 0.6));
  }
  return results.map((candidate) => withLowerCaseSurname(analysis, candidate, run.next));
}

/** "Donald trump", "Travis scott", "Mauro renallo": a first name, then its surname in lower case. */
function withLowerCaseSurname(analysis: TextAnalysis, candidate: Candidate, next: number): Candidate {
  const token = analysis.token(next);
  const previous = analysis.token(next - 1);
  if (token === undefined || previous === undefined || previous.end !== candidate.end) return candidate;
  if (token.shape !== "lower" || token.lineStart || token.text.length < 3 || analysis.inCode(next)) return candidate;
  const previousClass = analysis.wordClass(next - 1);
  if (previousClass !== "first" && previousClass !== "ambiguousFirst") return candidate;
  const wordClass = analysis.wordClass(next);
  if ((wordClass === "surname" || wordClass === "unknown") && !knownWords().has(token.lower)) return { ...candidate, end: token.end };
  return candidate;
}

function trimCommonTail(analysis: TextAnalysis, indices: number[]): number[] {
  const kept = [...indices];
  while (kept.length > 1) {
    const tail = kept[kept.length - 1] as number;
    // After "called" or "Dr." a capitalised common word is a surname ("Janet Burns", "Justin Beet"); days and greetings are not.
    if (analysis.wordClass(tail) === "stop" || analysis.token(tail)?.shape === "lower") kept.pop();
    else break;
  }
  return kept.slice(0, 4);
}

function judgeSegment(
  analysis: TextAnalysis,
  segment: number[],
  classes: Array<WordClass | "initial" | "particle">,
  run: Run,
  cue: Cue | undefined,
  inCode: boolean,
): Candidate | undefined {
  // Particles and initials never stand at a segment's edge on their own.
  while (segment.length > 0 && classes[classes.length - 1] === "particle") {
    segment = segment.slice(0, -1);
    classes = classes.slice(0, -1);
  }
  while (segment.length > 0 && classes[0] === "particle") {
    segment = segment.slice(1);
    classes = classes.slice(1);
  }
  if (segment.length === 0) return undefined;
  const first = segment[0] as number;
  const last = segment[segment.length - 1] as number;
  const words = classes.filter((wordClass) => wordClass !== "initial" && wordClass !== "particle");
  const hasInitial = classes.includes("initial");
  const sentenceStart = analysis.token(first)?.sentenceStart ?? false;
  const strong = words.filter((wordClass) => wordClass === "first" || wordClass === "surname" || wordClass === "unknown").length;
  const named = words.filter((wordClass) => isNameClass(wordClass as WordClass)).length;
  const firstClass = classes[0];
  if (words.length === 0) return undefined;
  if (inCode) {
    // Strict in code: two or more listed name words, none ambiguous.
    const listedAfter = words.slice(1).every((wordClass) => wordClass === "first" || wordClass === "surname");
    const opensWithFirstName = firstClass === "first" || firstClass === "ambiguousFirst";
    return words.length >= 2 && listedAfter && opensWithFirstName ? personCandidate(analysis, first, last, 0.7) : undefined;
  }
  if (words.length === 1) {
    const only = words[0];
    if (hasInitial) return only === "unknown" || isNameClass(only as WordClass) ? personCandidate(analysis, first, last, 0.75) : undefined;
    // One word in capitals is more often an acronym than a name; very short names are often words elsewhere.
    const token = analysis.token(first);
    const plausible = token !== undefined && token.shape === "title" && token.text.length >= 3;
    if (only === "first" && plausible) return personCandidate(analysis, first, last, 0.75);
    if (only === "surname" && plausible) return isPlaceName(analysis, segment) ? undefined : personCandidate(analysis, first, last, sentenceStart ? 0.55 : 0.65);
    if ((only === "ambiguousFirst" || only === "ambiguousSurname") && (cue === "weak" || cueAfter(analysis, run.next))) return personCandidate(analysis, first, last, 0.6);
    // "Happy New year Amber", "Where are my testicles , Summer ?": a first name that is also a
    // word, capitalised alone in the middle of a sentence.
    // (Not in German and the like, where every noun is capitalised.)
    const isolated = run.indices.length === 1 && !analysis.isCapitalised(first - 1) && analysis.token(first - 1)?.text !== ",";
    // "Don't go to town, Derrick!": a name addressed at the end of a sentence.
    const next = analysis.token(run.next);
    const addressed = analysis.token(first - 1)?.text === "," && (next === undefined || ["!", "?", "."].includes(next.text));
    if ((only === "ambiguousFirst" || only === "unknown") && plausible && addressed && !everydayWords().has(token.lower)) return personCandidate(analysis, first, last, 0.5);
    if (only === "ambiguousFirst" && plausible && !sentenceStart && isolated && !everydayWords().has(token.lower) && !analysis.otherEuropeanLanguage()) {
      return personCandidate(analysis, first, last, 0.5);
    }
    if (only === "unknown" && !sentenceStart && looksLikeProperNoun(analysis, first) && !isPlaceName(analysis, segment)) {
      return personCandidate(analysis, first, last, 0.45);
    }
    if (only === "unknown" && (cue === "weak" || cueAfter(analysis, run.next))) return personCandidate(analysis, first, last, 0.6);
    if (only === "unknown" && sentenceStart && looksLikeProperNoun(analysis, first) && (token?.text.length ?? 0) >= 4 && !isPlaceName(analysis, segment)) {
      // "Järvilehto began writing": an unknown word opening a sentence, a verb-like word after it.
      const next = analysis.token(run.next);
      if (next !== undefined && next.shape === "lower" && !next.lineStart && commonWords().has(next.lower)) return personCandidate(analysis, first, last, 0.42);
      // "Aloisia, can I …", "Dreymond , so much better": an unknown word addressed or exclaimed.
      if (next !== undefined && !next.lineStart && (next.text === "," || next.text === "!")) return personCandidate(analysis, first, last, 0.41);
    }
    if (only === "ambiguousFirst" && plausible && sentenceStart && !everydayWords().has(token.lower)) {
      // "Tanner is a good dude", "Harry got shot": a first name that is also a rarer word, opening a sentence, a verb after it.
      const next = analysis.token(run.next);
      if (next !== undefined && next.shape === "lower" && !next.lineStart && ["is", "was", "has", "had", "got", "said", "says", "and", "will", "would", "can", "could", "did", "does", "looks", "loves", "likes", "wants", "made", "went"].includes(next.lower)) {
        return personCandidate(analysis, first, last, 0.43);
      }
    }
    return undefined;
  }
  // Two words or more.
  if (firstClass === "first" || firstClass === "ambiguousFirst") {
    if (strong > 0 || hasInitial) return personCandidate(analysis, first, last, 0.9);
    // Two names that are also words ("Will Smith", "Rose Hill"), but not everyday ones ("My Baby", "Can Hope").
    const everyday = segment.some((index) => everydayWords().has(analysis.token(index)?.lower ?? ""));
    return named === words.length && !everyday ? personCandidate(analysis, first, last, 0.6) : undefined;
  }
  if (hasInitial && strong > 0) return personCandidate(analysis, first, last, 0.8);
  if (isPlaceName(analysis, segment)) return undefined;
  if (strong >= 2 || (strong >= 1 && named === words.length)) return personCandidate(analysis, first, last, 0.55);
  return undefined;
}
