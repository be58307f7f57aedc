import type { Detector } from "../detector.js";

// Local part and domain per the common subset of RFC 5322 that real addresses use; the
// top-level domain must be letters so `user@10.0.0.1` style strings are left to other detectors.
const emailPattern = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

export const emailDetector: Detector = {
  id: "email-v1",
  detect(text) {
    const findings = [];
    for (const match of text.matchAll(emailPattern)) {
      findings.push({ start: match.index, end: match.index + match[0].length, type: "EMAIL" as const, score: 0.95, detector: "email-v1" });
    }
    return findings;
  },
};
