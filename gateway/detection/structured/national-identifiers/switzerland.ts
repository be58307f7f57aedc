import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf, digitValues } from "../digits-of.js";
import { reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

/** AHV/AVS number: 756 (Switzerland's EAN prefix), nine digits and an EAN-13 check digit. */
export function isSocialInsuranceNumber(candidate: string): boolean {
  const values = digitValues(digitsOf(candidate));
  if (values.length !== 13) return false;
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += (values[index] ?? 0) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === values[12];
}

export const socialInsuranceNumber: NationalIdentifierRule = {
  name: "ch-social-insurance-number",
  pattern: boundedPattern(String.raw`756([. ]?)\d{4}\1\d{4}\1\d{2}`),
  isValid: isSocialInsuranceNumber,
  context: /\bahv\b|\bavs\b|sozialversicherungsnummer|num[ée]ro avs|social security/i,
  scoreWithoutContext: reportedAlone(0.85),
  scoreWithContext: 0.95,
};
