import { validateIBAN, ValidationErrorsIBAN } from "ibantools";
import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";

const detectorId = "iban-v1";

// Country code, check digits, then the BBAN either compact or in the printed groups of four.
// The groups need their separator, so there is one way to read each candidate.
const candidatePattern =
  /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?:[ -][A-Za-z0-9]{4}){2,7}(?:[ -][A-Za-z0-9]{1,3})?)(?![\p{L}\p{N}_])/gu;

/**
 * IBANs: mod-97 check digits, each country's length and BBAN structure (ibantools' registry).
 * A failed national account check (Belgium, France, Norway …) lowers the score but does not
 * discard the number: the IBAN check digits already passed, and a mistyped account is still one.
 */
export const ibanDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of text.matchAll(candidatePattern)) {
      const compact = match[0].replace(/[ -]/g, "").toUpperCase();
      const { valid, errorCodes } = validateIBAN(compact);
      const onlyNationalCheckFailed = errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
      if (!valid && !onlyNationalCheckFailed) continue;
      findings.push(createFinding(match.index, match.index + match[0].length, "IBAN", valid ? 0.95 : 0.85, detectorId));
    }
    return findings;
  },
};
