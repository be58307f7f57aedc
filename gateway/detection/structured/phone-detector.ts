import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { hasOtherNumberContext, hasPhoneContext, isFollowedByAddressWord } from "./phone-context.js";

const detectorId = "phone-v1";

// Digit groups joined by one or two separators (space, dot, dash, slash), a group in parentheses
// ("(08)", "+46 (0)8"), an optional extension. Two digit groups always need a separator between
// them, so a candidate has one reading and a long digit run cannot cause backtracking.
const candidatePattern =
  /(?<![\p{L}\p{N}_+\-./@#$€£¥%:=])(?:\+ ?)?(?:\(\d{1,5}\)|\d{1,15})(?:(?:[ \u00A0.\-/]{1,2}|(?<=\))|(?=\())(?:\(\d{1,5}\)|\d{1,15}))*(?: ?(?:x|ext\.?|extn\.?|extension) ?\d{1,6})?(?![\p{L}\p{N}_@]|[.\-/:,]\d)/gu;

const extensionPattern = / ?(?:x|ext\.?|extn\.?|extension) ?\d{1,6}$/;
// North American layout: (NPA) NXX-XXXX or NPA-NXX-XXXX, optionally after +1 or 1; area code
// and exchange never start with 0 or 1.
const northAmericanPattern = /^(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}$/;
// Dates and times written with the same separators: 2024-03-12, 12/03/1985, 12.03.85.
const datePattern = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))(?:$|[ T])/;
const dottedQuadPattern = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const thousandsPattern = /^\d{1,3}(?:([ .\u00A0])\d{3})(?:\1\d{3})*$/;
const currencyBefore = /[$€£¥₹]\s?$|\b(?:usd|eur|gbp|chf|sek|nok|dkk|pln|inr|rs\.?)\s?$/i;
const unitAfter = /^\s?(?:[$€£¥₹%]|(?:usd|eur|gbp|chf|kg|km|mb|gb|kb|ms|bytes|dollars|euros|pounds|times|years|people|users|rows)\b)/i;
const versionBefore = /(?:\bv|version|ver\.?|release|build)\s?$/i;

// Regions tried for a national number with a trunk 0 and no "+": the ones whose numbers are
// written that way in the languages we serve. Each try costs ~20 µs, so the list stays short.
const trunkPrefixRegions: readonly CountryCode[] = ["GB", "DE", "FR", "IT", "NL", "BE", "CH", "AT", "SE", "AU", "IE", "NZ"];

/** Section numbers and byte dumps ("7540 8.1.2.4") have several one-digit groups; phone numbers at most one ("(0)" aside). */
function hasManySingleDigitGroups(main: string): boolean {
  const groups = main.replace("(0)", " ").split(/[^0-9]+/).filter((group) => group.length > 0);
  return groups.filter((group) => group.length === 1).length > 1;
}

function digitCount(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

// Numbers listed after one keyword ("Call 0161 496 0123 or 07700 900123") share its context.
const listJoiner = /^\s*(?:[,;/|]|or|and|oder|ou|o|of|eller|tai|lub)?\s*$/i;

/** The score of a candidate as a phone number, or null when it is none (or cannot be told from other numbers). */
function phoneScore(text: string, start: number, candidate: string, previousPhoneEnd: number): number | null {
  const main = candidate.replace(extensionPattern, "");
  const digits = digitCount(main);
  if (digits < 7 || digits > 17) return null;
  if (datePattern.test(main) || dottedQuadPattern.test(main) || hasManySingleDigitGroups(main)) return null;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(start + candidate.length, start + candidate.length + 10);
  if (currencyBefore.test(before) || unitAfter.test(after) || versionBefore.test(before)) return null;
  const end = start + candidate.length;
  if (isFollowedByAddressWord(text, end)) return null;
  const listed = previousPhoneEnd >= 0 && start - previousPhoneEnd <= 8 && listJoiner.test(text.slice(previousPhoneEnd, start));
  const inContext = listed || hasPhoneContext(text, start, end);

  const international = main.startsWith("+") ? main : /^00[1-9]/.test(main) ? `+${main.slice(2)}` : undefined;
  if (international !== undefined) {
    const parsed = parsePhoneNumberFromString(international);
    if (parsed?.isPossible()) return parsed.isValid() ? 0.9 : 0.75;
    return inContext ? 0.6 : null;
  }
  if (digits > 15) return null;
  const otherNumber = hasOtherNumberContext(text, start);
  // The North American layout is a phone number's own shape, even with an unassigned area code.
  if (northAmericanPattern.test(main) && !otherNumber) {
    const valid = parsePhoneNumberFromString(main, "US")?.isValid() === true;
    return inContext || valid ? 0.85 : 0.7;
  }
  if (inContext) return 0.75;
  // A grouped national number with its trunk 0 ("0494 92 82 32", "(07479) 5502468") that is
  // valid in a region where numbers are written that way, or whose area code is bracketed; bare
  // digit runs and thousands groupings are not.
  if (/^\(?0[1-9]/.test(main) && /[ .\-/)]/.test(main) && !thousandsPattern.test(main) && digits >= 9 && digits <= 12 && !otherNumber) {
    if (main.startsWith("(0")) return 0.6;
    for (const region of trunkPrefixRegions) {
      if (parsePhoneNumberFromString(main, region)?.isValid()) return 0.6;
    }
  }
  return null;
}

export const phoneDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    // Seven digits at least, so text without a digit pair cannot hold one.
    if (!/\d\d/.test(text)) return findings;
    let previousPhoneEnd = -1;
    for (const match of text.matchAll(candidatePattern)) {
      const candidate = match[0];
      if (candidate.length > 32) continue;
      const score = phoneScore(text, match.index, candidate, previousPhoneEnd);
      if (score === null) continue;
      findings.push(createFinding(match.index, match.index + candidate.length, "PHONE", score, detectorId));
      previousPhoneEnd = match.index + candidate.length;
    }
    return findings;
  },
};
