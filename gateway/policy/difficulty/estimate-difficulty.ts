import { countDifficultyFeatures, featureGroups, type FeatureGroup, type FeatureName } from "./count-difficulty-features.js";
import type { DifficultyModel } from "./difficulty-model.js";
import { difficultyWeights } from "./difficulty-weights.js";
import { featureCaps, featureValue } from "./feature-scale.js";
import { prepareText } from "./prepare-text.js";

export interface DifficultyEstimate {
  /** In [0, 1]; higher means the strong tier is needed. Calibrated on GSM8K as the chance that only the strong model answers right. */
  score: number;
  /** Every count the score was computed from, the meta-claims that were set aside, and the logit by group. */
  features: Record<string, number>;
  /**
   * The prompt says it is easy (or asks for a hurried answer) while its structure says
   * otherwise, or it carries characters a reader cannot see. A router should not let such a
   * prompt ride a low score to the weak tier.
   */
  implausiblyEasy: boolean;
}

/** Code lines past which a prompt is not "easy", whatever it says about itself. */
const substantialCode = 3;

function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Local, pure and deterministic difficulty estimate: no network, no model, linear in the text.
 * Words in the prompt are evidence, never instructions: claims about difficulty, requests for
 * a quick answer or for the strong model are cut out before counting, so they cannot move the
 * score. Every weight is non-negative and every count grows only with new content, so adding
 * sentences can only keep or raise the score; repeats add nothing, and each feature group
 * saturates at a ceiling, so padding cannot raise it without bound.
 */
export function estimateDifficulty(text: string, model: DifficultyModel = difficultyWeights): DifficultyEstimate {
  const prepared = prepareText(text);
  const counts = countDifficultyFeatures(prepared);

  let logit = model.intercept;
  const contributions = {} as Record<FeatureGroup, number>;
  for (const [group, names] of Object.entries(featureGroups) as Array<[FeatureGroup, readonly FeatureName[]]>) {
    let sum = 0;
    for (const name of names) sum += Math.max(0, model.weights[name]) * featureValue(counts[name], featureCaps[name]);
    contributions[group] = Math.min(sum, model.groupCeilings[group]);
    logit += contributions[group];
  }
  const score = sigmoid(logit);

  const claimsEase = prepared.metaClaims.easeClaims + prepared.metaClaims.answerStyle > 0;
  const structurallyHard = score >= model.referenceScores.median || counts.codeLines >= substantialCode || prepared.encodedBlobs > 0;
  const implausiblyEasy = prepared.hiddenCharacters > 0 || (claimsEase && structurallyHard);

  return {
    score,
    features: {
      ...counts,
      ...prepared.metaClaims,
      repeatedSentences: prepared.repeatedSentences,
      hiddenCharacters: prepared.hiddenCharacters,
      proseLogit: contributions.prose,
      quantitiesLogit: contributions.quantities,
      reasoningLogit: contributions.reasoning,
      priorLogit: contributions.prior,
      logit,
    },
    implausiblyEasy,
  };
}
