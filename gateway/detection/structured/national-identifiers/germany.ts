import { boundedPattern } from "../bounded-pattern.js";
import { digitsOf, digitValues } from "../digits-of.js";
import { onlyInContext, type NationalIdentifierRule } from "./national-identifier-rule.js";

/**
 * Steuerliche Identifikationsnummer: eleven digits, no leading zero; in the first ten exactly one
 * digit repeats (twice or three times); the last is an ISO 7064 MOD 11,10 check digit.
 */
export function isTaxIdentificationNumber(candidate: string): boolean {
  const values = digitValues(digitsOf(candidate));
  if (values.length !== 11 || values[0] === 0) return false;
  const counts = new Array<number>(10).fill(0);
  for (const value of values.slice(0, 10)) counts[value] = (counts[value] ?? 0) + 1;
  const repeated = counts.filter((count) => count > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  let product = 10;
  for (const value of values.slice(0, 10)) {
    let sum = (value + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === values[10];
}

export const taxIdentificationNumber: NationalIdentifierRule = {
  name: "de-tax-identification-number",
  pattern: boundedPattern(String.raw`[1-9]\d ?\d{3} ?\d{3} ?\d{3}`),
  isValid: isTaxIdentificationNumber,
  context: /steuer-?id|steuerliche identifikations|steuer-?identifikations|identifikationsnummer|\bidnr\b|tax id|\btin\b/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};

const documentAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** ICAO 9303 check digit (weights 7, 3, 1), as printed on German identity cards and passports. */
function documentCheckDigit(characters: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let index = 0; index < characters.length; index++) {
    sum += documentAlphabet.indexOf(characters[index] ?? "0") * (weights[index % 3] ?? 1);
  }
  return sum % 10;
}

/** Personalausweis / Reisepass number: nine characters from a reduced alphabet, often with its check digit. */
export function isIdentityCardNumber(candidate: string): boolean {
  const digitCount = digitsOf(candidate).length;
  if (digitCount < 3) return false;
  if (candidate.length === 9) return true;
  return documentCheckDigit(candidate.slice(0, 9)) === Number(candidate[9]);
}

export const identityCardNumber: NationalIdentifierRule = {
  name: "de-identity-card-number",
  pattern: boundedPattern(String.raw`[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?`),
  isValid: isIdentityCardNumber,
  context: /personalausweis|ausweis-?n(?:umme)?r|dokumentennummer|identity card|id card|reisepass/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.9,
};
