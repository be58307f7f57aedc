import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { nationalIdentifierRules } from "./national-identifiers/national-identifier-rules.js";
import { textBefore } from "./surrounding-text.js";

const detectorId = "national-identifier-v1";
// A keyword this close before the number names it: "SSN: ", "His social security number is ".
const contextWindow = 48;

export const nationalIdentifierDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    // Every rule needs a digit; text without one (most prose) costs a single scan.
    if (!/\d/.test(text)) return findings;
    for (const rule of nationalIdentifierRules) {
      // A rule that only reports in context is skipped unless its keyword occurs somewhere.
      if (rule.scoreWithoutContext === null && !rule.context.test(text)) continue;
      for (const match of text.matchAll(rule.pattern)) {
        const candidate = match[0];
        if (!rule.isValid(candidate)) continue;
        const inContext = rule.context.test(textBefore(text, match.index, contextWindow));
        const score = inContext ? rule.scoreWithContext : (rule.scoreWithoutContext?.(candidate) ?? null);
        if (score !== null) findings.push(createFinding(match.index, match.index + candidate.length, "NATIONAL_ID", score, detectorId));
      }
    }
    return findings;
  },
};
