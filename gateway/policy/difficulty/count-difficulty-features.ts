import type { PreparedText } from "./prepare-text.js";
import { cueIndex, cueLexicon, technicalStems, type CountedCueKind } from "./cue-lexicon.js";

/**
 * The counted features, by group. Every one is a count over distinct sentences or distinct
 * code lines, so each can only grow when text is added and never grows when text is repeated.
 * That, with non-negative weights, is what makes the score monotone and padding-proof.
 */
export const featureGroups = {
  /** How much there is to read and hold at once. */
  prose: ["words", "sentences", "clauses", "names", "longestSentence"],
  /** How much arithmetic the answer needs. */
  quantities: ["numbers", "distinctNumbers", "fractions", "percentages", "money", "units"],
  /** How many logical steps and conditions tie the parts together. */
  reasoning: ["stepCues", "comparisons", "conditions", "negations", "constraints", "asks"],
  /** Kinds of work absent from the GSM8K fit: code, formal math, jargon, demanding tasks, encoded payloads. */
  prior: ["codeLines", "mathNotation", "technicalTerms", "demandingTasks", "encodedBlobs"],
} as const;

export type FeatureGroup = keyof typeof featureGroups;
export type FeatureName = (typeof featureGroups)[FeatureGroup][number];
export const featureNames: readonly FeatureName[] = Object.values(featureGroups).flat();

const word = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;
const digitNumber = /\d+(?:[.,]\d+)*/g;
const digitFraction = /\d\s*\/\s*\d/g;
const currencySymbol = /[$€£¥₹]/g;
// A comma, semicolon or colon joins clauses only when more text follows it.
const clausePunctuation = /[,;:](?=\s*[\p{L}\p{N}$€£])/gu;

// A capitalised word after a space inside a sentence is usually a name: people, places, products.
// Sentences are joined by line breaks, so a sentence's first word never matches.
const nameInside = / \p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu;
const technicalStem = new RegExp(`\\b(?:${technicalStems.join("|")})`, "gi");
const mathSymbol = /\\[a-zA-Z]+|[∑∏∫∮√∛π∞≤≥≠±∓∂∇∈∉∀∃⊂⊆⊃⊇∪∩⇒⇔≈≡∝∘⊕⊗→↦ℝℕℤℚℂ^]/g;
// f(x) or x = 3: found by the bracket or the sign (a fast scan), then checked for a one-letter
// variable just before it, rather than trying a variable at every word.
const mathOperator = /\( ?[a-z] ?\)|[=<>] ?[-\d(a-z]/g;
const variableBefore = /(?:^|[^\w])\d*[a-z] ?$/;

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

function countMathNotation(text: string): number {
  let total = count(text, mathSymbol);
  for (const match of text.matchAll(mathOperator)) if (variableBefore.test(text.slice(Math.max(0, match.index - 8), match.index))) total += 1;
  return total;
}

function isNegatedVerb(token: string): boolean {
  return token.endsWith("n't") || token.endsWith("n’t");
}

/**
 * Counts the features of prepared text. Words are looked up in sets (one pass over the tokens,
 * phrases of two and three words included) rather than matched by a pattern per cue, which
 * keeps a few kilobytes well under a millisecond.
 */
export function countDifficultyFeatures(prepared: PreparedText): Record<FeatureName, number> {
  const prose = prepared.sentences.join("\n");
  const cues: Record<CountedCueKind, number> = {
    numberWords: 0,
    fractions: 0,
    percentages: 0,
    money: 0,
    units: 0,
    stepCues: 0,
    comparisons: 0,
    conditions: 0,
    negations: 0,
    constraints: 0,
    conjunctions: 0,
    demandingTasks: 0,
    technicalTerms: 0,
  };
  const distinctTechnical = new Set<string>();
  const distinctDemanding = new Set<string>();
  const names = new Set<string>();
  let words = 0;
  let longestSentence = 0;
  let asks = 0;
  // Counts `text` as a cue and says whether a longer phrase may start with it.
  const countCue = (text: string): boolean => {
    const entry = cueIndex.get(text);
    if (entry === undefined) return false;
    for (const kind of entry.kinds) {
      cues[kind] += 1;
      if (kind === "technicalTerms") distinctTechnical.add(text);
      if (kind === "demandingTasks") distinctDemanding.add(text);
    }
    return entry.startsPhrase;
  };

  for (const sentence of prepared.sentences) {
    const tokens = sentence.toLowerCase().match(word) ?? [];
    words += tokens.length;
    longestSentence = Math.max(longestSentence, tokens.length);
    if (/\?\s*$/.test(sentence) || cueLexicon.askStarts.has(tokens[0] ?? "")) asks += 1;
    for (let index = 0; index < tokens.length; index += 1) {
      const single = tokens[index] ?? "";
      // Phrases are only built where the lexicon has one starting: most words start none.
      if (countCue(single) && index + 1 < tokens.length) {
        const pair = `${single} ${tokens[index + 1]}`;
        if (countCue(pair) && index + 2 < tokens.length) countCue(`${pair} ${tokens[index + 2]}`);
      }
      if (isNegatedVerb(single)) cues.negations += 1;
    }
  }
  for (const name of prose.match(nameInside) ?? []) names.add(name.slice(1));
  for (const stem of prose.match(technicalStem) ?? []) distinctTechnical.add(stem.toLowerCase());
  const digitNumbers = prose.match(digitNumber) ?? [];
  for (const line of prepared.codeLines) for (const token of line.toLowerCase().match(word) ?? []) if (cueLexicon.technicalTerms.has(token)) distinctTechnical.add(token);

  return {
    words,
    sentences: prepared.sentences.length,
    clauses: count(prose, clausePunctuation) + cues.conjunctions,
    names: names.size,
    longestSentence,
    numbers: digitNumbers.length + cues.numberWords,
    distinctNumbers: new Set(digitNumbers.map((number) => number.replace(/,/g, ""))).size,
    fractions: count(prose, digitFraction) + cues.fractions,
    percentages: count(prose, /%/g) + cues.percentages,
    money: count(prose, currencySymbol) + cues.money,
    units: count(prose, /°/g) + cues.units,
    stepCues: cues.stepCues,
    comparisons: cues.comparisons,
    conditions: cues.conditions,
    negations: cues.negations,
    constraints: cues.constraints,
    asks,
    codeLines: prepared.codeLines.length,
    mathNotation: countMathNotation(prose),
    technicalTerms: distinctTechnical.size,
    demandingTasks: distinctDemanding.size,
    encodedBlobs: prepared.encodedBlobs,
  };
}
