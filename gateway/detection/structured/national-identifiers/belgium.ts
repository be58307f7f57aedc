import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf } from "../digits-of.js";
import { remainderOfDecimal } from "../remainder-of-decimal.js";
import type { NationalIdentifierRule } from "./national-identifier-rule.js";

/** Rijksregisternummer: YYMMDD + order + a key of 97 minus the nine digits mod 97 (prefixed by 2 for births from 2000). */
export function isNationalNumber(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (digits.length !== 11) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  if (month > 12 || Number(digits.slice(4, 6)) > 31) return false;
  const key = Number(digits.slice(9));
  const body = digits.slice(0, 9);
  return 97 - remainderOfDecimal(body, 97) === key || 97 - remainderOfDecimal(`2${body}`, 97) === key;
}

export const nationalNumber: NationalIdentifierRule = {
  name: "be-national-number",
  pattern: boundedPattern(String.raw`\d{2}\.?\d{2}\.?\d{2}[- ]?\d{3}\.?\d{2}`),
  isValid: isNationalNumber,
  context: /rijksregister|num[ée]ro national|national (?:register )?number|\binsz\b|\bniss\b|\bnn\b/i,
  // Printed as 85.07.30-033.28 it is unmistakable; eleven bare digits need the keyword.
  scoreWithoutContext: (candidate) => (candidate.includes(".") ? 0.8 : null),
  scoreWithContext: 0.95,
};
