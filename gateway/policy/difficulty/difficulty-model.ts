import type { FeatureGroup, FeatureName } from "./count-difficulty-features.js";

/** The numbers the estimator needs; `difficulty-weights.ts` holds the shipped ones. */
export interface DifficultyModel {
  /** Logit of an empty prompt. */
  intercept: number;
  /** Weight per unit of `featureValue(count, cap)`; never negative, which keeps the score monotone. */
  weights: Record<FeatureName, number>;
  /** Most a group may add to the logit, however much of it a prompt has: the saturation guarantee. */
  groupCeilings: Record<FeatureGroup, number>;
  /** Scores of the GSM8K prompts under this model, for picking thresholds and for the implausibility check. */
  referenceScores: { median: number; top20Percent: number; top10Percent: number; top5Percent: number };
}
