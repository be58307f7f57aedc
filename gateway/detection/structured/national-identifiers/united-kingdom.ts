import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf, digitValues } from "../digits-of.js";
import { onlyInContext, reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

// HMRC never allocates these prefixes; the letter rules for each position are in the pattern.
const unusedInsurancePrefixes = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);

/** National Insurance number, `QQ 12 34 56 C`. */
export const nationalInsuranceNumber: NationalIdentifierRule = {
  name: "uk-national-insurance-number",
  pattern: boundedPattern(String.raw`[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]`),
  isValid: (candidate) => !unusedInsurancePrefixes.has(candidate.slice(0, 2)),
  context: /national insurance|\bnino\b|\bni (?:no|number|#)/i,
  scoreWithoutContext: reportedAlone(0.6),
  scoreWithContext: 0.95,
};

/** NHS number: ten digits whose last is a mod-11 check over weights 10..2. */
export function isNhsNumber(candidate: string): boolean {
  const values = digitValues(digitsOf(candidate));
  if (values.length !== 10) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (values[index] ?? 0) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === values[9];
}

export const nhsNumber: NationalIdentifierRule = {
  name: "uk-nhs-number",
  pattern: boundedPattern(String.raw`\d{3}([ -]?)\d{3}\1\d{4}`),
  isValid: isNhsNumber,
  context: /\bnhs\b|health service|\bchi (?:no|number)/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};
