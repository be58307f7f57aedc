import { boundedPattern } from "../bounded-pattern.js";
import { fullYearFromTwoDigits, isCalendarDate } from "../calendar-date.js";
import { digitsOf, digitValues } from "../digits-of.js";
import { passesLuhn } from "../luhn.js";
import { onlyInContext, reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

/** A birth date written day, month, two-digit year; coordination numbers add 60 (Sweden) or 40 (Norway) to the day. */
function hasBirthDate(day: number, month: number, twoDigitYear: number, dayOffset: number, monthOffset = 0): boolean {
  const realDay = day > dayOffset ? day - dayOffset : day;
  const realMonth = month > monthOffset && monthOffset > 0 ? month - monthOffset : month;
  return isCalendarDate(fullYearFromTwoDigits(twoDigitYear), realMonth, realDay) || isCalendarDate(1900 + twoDigitYear, realMonth, realDay);
}

/** Swedish personnummer: (YY)YYMMDD-NNNC, Luhn over the ten digits after the century. */
export function isSwedishPersonalNumber(candidate: string): boolean {
  const digits = digitsOf(candidate).slice(-10);
  if (digits.length !== 10) return false;
  const year = Number(digits.slice(0, 2));
  return hasBirthDate(Number(digits.slice(4, 6)), Number(digits.slice(2, 4)), year, 60) && passesLuhn(digits);
}

export const swedishPersonalNumber: NationalIdentifierRule = {
  name: "se-personal-identity-number",
  pattern: boundedPattern(String.raw`(?:19|20)?\d{6}[-+]?\d{4}`),
  isValid: isSwedishPersonalNumber,
  context: /personnummer|personnr|\bpnr\b|samordningsnummer|personal identity number/i,
  // With its dash (or + for centenarians) the date and Luhn check make it specific enough.
  scoreWithoutContext: (candidate) => (/[-+]/.test(candidate) ? 0.6 : null),
  scoreWithContext: 0.95,
};

/** Danish CPR: DDMMYY-SSSS. The mod-11 check was dropped in 2007, so only the date is checked. */
export const danishPersonalNumber: NationalIdentifierRule = {
  name: "dk-cpr-number",
  pattern: boundedPattern(String.raw`\d{6}-?\d{4}`),
  isValid: (candidate) => {
    const digits = digitsOf(candidate);
    return hasBirthDate(Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)), 0);
  },
  context: /\bcpr\b|cpr-?n(?:umme)?r|personnummer/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.9,
};

/** Norwegian fødselsnummer: DDMMYY + three individual digits + two mod-11 check digits. */
export function isNorwegianBirthNumber(candidate: string): boolean {
  const values = digitValues(digitsOf(candidate));
  if (values.length !== 11) return false;
  const checkDigit = (weights: number[]): number => {
    const sum = weights.reduce((total, weight, index) => total + weight * (values[index] ?? 0), 0);
    const check = 11 - (sum % 11);
    return check === 11 ? 0 : check;
  };
  const first = checkDigit([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const second = checkDigit([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (first !== values[9] || second !== values[10]) return false;
  const day = (values[0] ?? 0) * 10 + (values[1] ?? 0);
  const month = (values[2] ?? 0) * 10 + (values[3] ?? 0);
  return hasBirthDate(day, month, (values[4] ?? 0) * 10 + (values[5] ?? 0), 40, 40);
}

export const norwegianBirthNumber: NationalIdentifierRule = {
  name: "no-birth-number",
  pattern: boundedPattern(String.raw`\d{6} ?\d{5}`),
  isValid: isNorwegianBirthNumber,
  context: /f[øo]dselsnummer|\bfnr\b|personnummer|d-nummer|national identity number/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};

const finnishCheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** Finnish henkilötunnus: DDMMYY, a century sign, three digits, and a mod-31 check character. */
export function isFinnishPersonalIdentityCode(candidate: string): boolean {
  const code = candidate.toUpperCase();
  const day = Number(code.slice(0, 2));
  const month = Number(code.slice(2, 4));
  const century = "+".includes(code[6] ?? "") ? 1800 : /[-U-Y]/.test(code[6] ?? "") ? 1900 : 2000;
  if (!isCalendarDate(century + Number(code.slice(4, 6)), month, day)) return false;
  const number = Number(code.slice(0, 6) + code.slice(7, 10));
  return finnishCheckCharacters[number % 31] === code[10];
}

export const finnishPersonalIdentityCode: NationalIdentifierRule = {
  name: "fi-personal-identity-code",
  pattern: boundedPattern(String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]`),
  isValid: isFinnishPersonalIdentityCode,
  context: /henkil[öo]tunnus|\bhetu\b|personbeteckning|personal identity code/i,
  scoreWithoutContext: reportedAlone(0.85),
  scoreWithContext: 0.95,
};
