import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";

const detectorId = "mac-address-v1";

// Six hex pairs with one consistent separator, or Cisco's three dotted quads. Not part of a
// longer colon run: certificate fingerprints are twenty pairs.
const pairsPattern = /(?<![\p{L}\p{N}_:\-.])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\p{L}\p{N}_]|[:\-.][0-9A-Fa-f])/gu;
const ciscoPattern = /(?<![\p{L}\p{N}_:\-.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\p{L}\p{N}_]|[:\-.][0-9A-Fa-f])/gu;

/** MAC addresses, reported as IP_ADDRESS: both identify a device on a network. */
export const macAddressDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    for (const pattern of [pairsPattern, ciscoPattern]) {
      for (const match of text.matchAll(pattern)) {
        const hex = match[0].replace(/[:.-]/g, "").toLowerCase();
        // All zeros and broadcast name no device; an all-digit dotted form is more often a number.
        if (/^0+$/.test(hex) || /^f+$/.test(hex)) continue;
        if (pattern === ciscoPattern && !/[a-f]/.test(hex)) continue;
        findings.push(createFinding(match.index, match.index + match[0].length, "IP_ADDRESS", 0.8, detectorId));
      }
    }
    return findings;
  },
};
