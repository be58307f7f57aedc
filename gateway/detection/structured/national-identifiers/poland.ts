import { boundedPattern } from "../bounded-pattern.js";
import { isCalendarDate } from "../calendar-date.js";
import { digitValues } from "../digits-of.js";
import { onlyInContext, type NationalIdentifierRule } from "./national-identifier-rule.js";

// The month carries the century: +80 for the 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s.
const centuryByMonthOffset = new Map([[80, 1800], [0, 1900], [20, 2000], [40, 2100], [60, 2200]]);

/** PESEL: YYMMDD, serial, and a check digit over weights 1-3-7-9. */
export function isPesel(candidate: string): boolean {
  const values = digitValues(candidate);
  if (values.length !== 11) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((total, weight, index) => total + weight * (values[index] ?? 0), 0);
  if ((10 - (sum % 10)) % 10 !== values[10]) return false;
  const encodedMonth = Number(candidate.slice(2, 4));
  const offset = Math.floor(encodedMonth / 20) * 20;
  const century = centuryByMonthOffset.get(offset);
  return century !== undefined && isCalendarDate(century + Number(candidate.slice(0, 2)), encodedMonth - offset, Number(candidate.slice(4, 6)));
}

export const pesel: NationalIdentifierRule = {
  name: "pl-pesel",
  pattern: boundedPattern(String.raw`\d{11}`),
  isValid: isPesel,
  context: /\bpesel\b/i,
  scoreWithoutContext: onlyInContext,
  scoreWithContext: 0.95,
};
