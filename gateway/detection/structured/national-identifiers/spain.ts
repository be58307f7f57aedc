import { boundedPattern } from "../bounded-pattern.js";
import { reportedAlone, type NationalIdentifierRule } from "./national-identifier-rule.js";

const controlLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

/** DNI (8 digits) and NIE (X/Y/Z + 7 digits, read as 0/1/2): the letter is the number mod 23. */
export function isDocumentNumber(candidate: string): boolean {
  const compact = candidate.replace(/[- ]/g, "").toUpperCase();
  const numeric = compact.slice(0, -1).replace(/^X/, "0").replace(/^Y/, "1").replace(/^Z/, "2");
  if (!/^\d{8}$/.test(numeric)) return false;
  return controlLetters[Number(numeric) % 23] === compact.slice(-1);
}

export const documentNumber: NationalIdentifierRule = {
  name: "es-identity-document-number",
  pattern: boundedPattern(String.raw`\d{8}[- ]?[A-HJ-NP-TV-Z]|[XYZ][- ]?\d{7}[- ]?[A-HJ-NP-TV-Z]`),
  isValid: isDocumentNumber,
  context: /\bdni\b|\bnie\b|\bnif\b|documento nacional|n[úu]mero de identi|identificaci[óo]n/i,
  scoreWithoutContext: reportedAlone(0.7),
  scoreWithContext: 0.95,
};
