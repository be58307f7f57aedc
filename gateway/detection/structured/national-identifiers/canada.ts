import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf } from "../digits-of.js";
import { passesLuhn } from "../luhn.js";
import { onlyInContext, type NationalIdentifierRule } from "./national-identifier-rule.js";

/** Social Insurance Number: nine digits with a Luhn check. */
export const socialInsuranceNumber: NationalIdentifierRule = {
  name: "ca-social-insurance-number",
  pattern: boundedPattern(String.raw`\d{3}([ -]?)\d{3}\1\d{3}`),
  isValid: (candidate) => passesLuhn(digitsOf(candidate)),
  context: /\bsin\b|social insurance|assurance sociale|\bnas\b/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};
