import { boundedPattern } from "../bounded-pattern.js";
import { remainderOfDecimal } from "../remainder-of-decimal.js";
import { onlyInContext, reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

/**
 * NIR (numéro de sécurité sociale): sex, year, month, département (2A/2B for Corsica), commune,
 * order, then a key of 97 minus the 13-digit number mod 97. Corsica counts as 19 and 18.
 */
export function isSocialSecurityNumber(candidate: string): boolean {
  const compact = candidate.replace(/ /g, "").toUpperCase();
  if (compact.length !== 15) return false;
  const body = compact.slice(0, 5) + compact.slice(5, 7).replace("2A", "19").replace("2B", "18") + compact.slice(7, 13);
  if (!/^\d{13}$/.test(body)) return false;
  return 97 - remainderOfDecimal(body, 97) === Number(compact.slice(13));
}

const socialSecurityContext = /s[ée]curit[ée] sociale|num[ée]ro de s[ée]cu|\bnir\b|\binsee\b|carte vitale|social security/i;

/** Spaced the way it is printed, `1 84 12 76 451 089 46`: distinctive with a valid key. */
export const socialSecurityNumberSpaced: NationalIdentifierRule = {
  name: "fr-social-security-number",
  pattern: boundedPattern(String.raw`[12] \d{2} (?:0[1-9]|1[0-2]|[2-9]\d) (?:\d{2}|2[AB]) \d{3} \d{3} \d{2}`),
  isValid: isSocialSecurityNumber,
  context: socialSecurityContext,
  scoreWithoutContext: reportedAlone(0.8),
  scoreWithContext: 0.95,
};

/** Fifteen bare characters collide with card numbers, so only after a keyword. */
export const socialSecurityNumberCompact: NationalIdentifierRule = {
  name: "fr-social-security-number-compact",
  pattern: boundedPattern(String.raw`[12]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{8}`),
  isValid: isSocialSecurityNumber,
  context: socialSecurityContext,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};
