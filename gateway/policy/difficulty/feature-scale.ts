import type { FeatureName } from "./count-difficulty-features.js";

/**
 * Hand-set, not fitted. Past its cap a count stops adding to the score, so no single feature
 * can be inflated without bound; the caps sit well above anything in the GSM8K set (its longest
 * prompt has about 160 words) and so leave the fit untouched.
 */
export const featureCaps: Record<FeatureName, number> = {
  words: 2000,
  sentences: 150,
  clauses: 300,
  names: 40,
  longestSentence: 150,
  numbers: 150,
  distinctNumbers: 80,
  fractions: 40,
  percentages: 40,
  money: 60,
  units: 80,
  stepCues: 120,
  comparisons: 80,
  conditions: 60,
  negations: 60,
  constraints: 60,
  asks: 30,
  codeLines: 400,
  mathNotation: 100,
  technicalTerms: 20,
  demandingTasks: 10,
  encodedBlobs: 5,
};

/**
 * Hand-set weights (per unit of log1p(count)) for kinds of work GSM8K does not contain, so no
 * fit can measure them. They are deliberately modest, in the same units as the fitted weights,
 * and should be replaced by fitted ones once labelled coding and writing prompts exist. The
 * reasoning: a weak local model loses more on code and formal notation than on prose of the
 * same length, jargon and demanding verbs say a little, an encoded payload must be decoded first.
 */
export const priorWeights: Partial<Record<FeatureName, number>> = {
  // Code lines also count as sentences in the prose group, so their own weight stays small.
  codeLines: 0.3,
  mathNotation: 0.45,
  // The cheapest to fake (a sentence of buzzwords), so the smallest.
  technicalTerms: 0.25,
  demandingTasks: 0.5,
  encodedBlobs: 0.4,
};

/** Most the hand-set group may add to the logit: about the spread between GSM8K's median and its top 5%. */
export const priorCeiling = 1.2;

/** The value the linear model sees: diminishing returns (log), then a hard stop at the cap. */
export function featureValue(count: number, cap: number): number {
  return Math.log1p(Math.min(Math.max(count, 0), cap));
}
