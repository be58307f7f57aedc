import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf, digitValues } from "../digits-of.js";
import { onlyInContext, type NationalIdentifierRule } from "./national-identifier-rule.js";

/** Burgerservicenummer: the "11-proef", weights 9..2 on the first eight digits and -1 on the last. */
export function isCitizenServiceNumber(candidate: string): boolean {
  const values = digitValues(digitsOf(candidate));
  if (values.length !== 9 || values.every((value) => value === 0)) return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += (values[index] ?? 0) * (9 - index);
  sum -= values[8] ?? 0;
  return sum % 11 === 0;
}

export const citizenServiceNumber: NationalIdentifierRule = {
  name: "nl-citizen-service-number",
  pattern: boundedPattern(String.raw`\d{4}([. ]?)\d{2}\1\d{3}`),
  isValid: isCitizenServiceNumber,
  context: /\bbsn\b|burgerservicenummer|sofi-?nummer|citizen service number/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};
