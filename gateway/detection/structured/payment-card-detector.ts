import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { passesLuhn } from "./luhn.js";
import { paymentCardIssuer } from "./payment-card-networks.js";
import { textBefore } from "./surrounding-text.js";

const detectorId = "payment-card-v1";

// 12 to 19 digits, optionally grouped by single spaces or dashes. Each step takes exactly one
// digit, so a long digit run cannot make the engine backtrack more than a few steps.
const candidatePattern = /(?<![\p{L}\p{N}_.,\-/])\d(?:[ -]?\d){11,18}(?![\p{L}\p{N}_]|[.,\-/]\d)/gu;

const cardContext =
  /(?:card|\bcc\b|\bcc#|visa|master ?card|amex|american express|discover|diners|\bjcb\b|maestro|unionpay|credit|debit|\bpan\b|karte|carte|tarjeta|carta|kaart|kort|kortti|karta|payment|charge|billing)/;

// Test numbers that payment providers publish for developers; they identify nobody.
const publishedTestNumbers = new Set(["4111111111111111", "4242424242424242", "5555555555554444", "378282246310005", "4000056655665556", "5105105105105100", "6011111111111117"]);

/** Printed groupings: fours with a shorter tail (Visa, Mastercard, 19-digit cards), or 4-6-5 / 4-6-4 (Amex, Diners). */
function hasCardGrouping(candidate: string): boolean {
  const groups = candidate.split(/[ -]/);
  if (groups.length === 1) return true;
  const separators = candidate.match(/[ -]/g) ?? [];
  if (new Set(separators).size > 1) return false;
  const lengths = groups.map((group) => group.length);
  if (lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (lengths[2] === 5 || lengths[2] === 4)) return true;
  const last = lengths[lengths.length - 1] ?? 0;
  return lengths.length >= 3 && lengths.slice(0, -1).every((length) => length === 4) && last >= 1 && last <= 4;
}

export const paymentCardDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d{4}/.test(text)) return findings;
    for (const match of text.matchAll(candidatePattern)) {
      const candidate = match[0];
      if (!hasCardGrouping(candidate)) continue;
      const digits = candidate.replace(/[ -]/g, "");
      if (!passesLuhn(digits) || /^(\d)\1+$/.test(digits)) continue;
      const inContext = cardContext.test(textBefore(text, match.index, 40));
      // After "card" a Luhn-valid number is enough (issuers open new ranges); alone it must sit
      // in a major network's range at a length that network issues.
      const issuer = paymentCardIssuer(digits);
      let score: number;
      if (publishedTestNumbers.has(digits)) score = 0.4;
      else if (inContext) score = issuer === undefined ? 0.85 : 0.95;
      else if (issuer?.major === true) score = 0.8;
      else continue;
      findings.push(createFinding(match.index, match.index + candidate.length, "CREDIT_CARD", score, detectorId));
    }
    return findings;
  },
};
