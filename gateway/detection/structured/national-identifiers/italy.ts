import { boundedPattern } from "../bounded-pattern.js";
import { reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

// Values of each character in odd (1st, 3rd, ...) positions; even positions use the plain 0-25 value.
const oddPositionValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function characterIndex(character: string): number {
  const code = character.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

/** Codice fiscale: the sixteenth letter checks the first fifteen (digits may be swapped for letters, omocodia). */
export function isTaxCode(candidate: string): boolean {
  const code = candidate.toUpperCase();
  if (code.length !== 16) return false;
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const value = characterIndex(code[index] ?? "A");
    sum += index % 2 === 0 ? (oddPositionValues[value] ?? 0) : value;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

const digitOrSubstitute = "[0-9LMNPQRSTUV]";

export const taxCode: NationalIdentifierRule = {
  name: "it-tax-code",
  pattern: boundedPattern(
    String.raw`[A-Z]{6}${digitOrSubstitute}{2}[ABCDEHLMPRST]${digitOrSubstitute}{2}[A-Z]${digitOrSubstitute}{3}[A-Z]`,
  ),
  isValid: isTaxCode,
  context: /codice fiscale|\bc\.? ?f\.?\b|tax code/i,
  scoreWithoutContext: reportedAlone(0.85),
  scoreWithContext: 0.95,
};
