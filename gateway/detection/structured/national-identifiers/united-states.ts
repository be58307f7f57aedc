import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf } from "../digits-of.js";
import { onlyInContext, reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

const socialSecurityContext = /\bssn\b|\bss ?#|social[ -]security|soc\.? ?sec/i;

/** Area 000, 666 and 900-999 (ITINs), group 00 and serial 0000 are never issued. */
function isSocialSecurityNumber(candidate: string): boolean {
  const digits = digitsOf(candidate);
  const area = Number(digits.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
}

/** `123-45-6789`: the dashed 3-2-4 shape is specific enough to report without a keyword. */
export const socialSecurityNumberDashed: NationalIdentifierRule = {
  name: "us-social-security-number",
  pattern: boundedPattern(String.raw`\d{3}-\d{2}-\d{4}`),
  isValid: isSocialSecurityNumber,
  context: socialSecurityContext,
  scoreWithoutContext: reportedAlone(0.7),
  scoreWithContext: 0.95,
};

/** `123 45 6789` or nine bare digits: as common as any number, so only after "SSN" and the like. */
export const socialSecurityNumberPlain: NationalIdentifierRule = {
  name: "us-social-security-number-plain",
  pattern: boundedPattern(String.raw`\d{3} \d{2} \d{4}|\d{9}`),
  isValid: isSocialSecurityNumber,
  context: socialSecurityContext,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.9,
};

/** Individual Taxpayer Identification Numbers: area 9xx with the IRS's group ranges. */
export const individualTaxpayerIdentificationNumber: NationalIdentifierRule = {
  name: "us-individual-taxpayer-identification-number",
  pattern: boundedPattern(String.raw`9\d{2}([- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}`),
  isValid: () => true,
  context: /\bitin\b|taxpayer identification|tax id/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.9,
};
