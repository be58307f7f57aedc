import type { DataTermsRequirement } from "../../shared/policy.js";
import type { DataPolicy } from "../config/config-schema.js";

/** Why a destination's terms fall short of a requirement, or undefined when they meet it. */
export function unmetRequirement(terms: DataPolicy, requirement: DataTermsRequirement): string | undefined {
  if (requirement.zeroDataRetention && !terms.zeroDataRetention) return "it does not offer zero data retention";
  if (requirement.noTraining && terms.trainsOnData) return "it may train on the data";
  if (requirement.maxRetentionDays !== undefined && (terms.retentionDays === null || terms.retentionDays > requirement.maxRetentionDays)) {
    return `it keeps data ${terms.retentionDays === null ? "for an unknown time" : `${terms.retentionDays} days`} (at most ${requirement.maxRetentionDays} allowed)`;
  }
  if (requirement.regions && (terms.region === null || !requirement.regions.includes(terms.region))) {
    return `its region ${terms.region ?? "(unknown)"} is not one of ${requirement.regions.join(", ")}`;
  }
  return undefined;
}

/**
 * Whether `candidate`'s terms are at least as strict as `reference`'s on every axis: the rule
 * for a fallback, so a failure never moves data to a provider with looser retention terms.
 * Unknown retention counts as the loosest; a region, once set, must stay the same.
 */
export function isAtLeastAsStrict(candidate: DataPolicy, reference: DataPolicy): boolean {
  if (reference.zeroDataRetention && !candidate.zeroDataRetention) return false;
  if (!reference.trainsOnData && candidate.trainsOnData) return false;
  const candidateDays = candidate.retentionDays ?? Number.POSITIVE_INFINITY;
  const referenceDays = reference.retentionDays ?? Number.POSITIVE_INFINITY;
  if (candidateDays > referenceDays) return false;
  if (reference.region !== null && candidate.region !== reference.region) return false;
  return true;
}
