import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { secretFinding } from "./secret-finding.js";
import { shannonEntropy } from "./shannon-entropy.js";
import { isPlaceholderValue } from "./placeholder-value.js";

const detectorId = "secret-aws-secret-key-v1";
const window = 400;

const accessKeyId = /(?<![A-Za-z0-9_])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9_])/g;
// AWS secret access keys: 40 characters of base64, on their own.
const secretShape = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/**
 * The secret key that travels with an AWS access key id, whatever it is called: an id and a
 * 40-character random string within a few lines of each other are a credential pair.
 */
export const awsSecretKeyDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    // Windows of ids close together overlap; each stretch of text is searched once.
    let searchedTo = 0;
    for (const id of text.matchAll(accessKeyId)) {
      const start = Math.max(searchedTo, id.index - window);
      let end = Math.min(text.length, id.index + id[0].length + window);
      if (end <= start) continue;
      // Reach past the window's edge to the end of a candidate it cuts.
      while (end < text.length && /[A-Za-z0-9/+=]/.test(text[end] ?? "") && end - id.index < window + 128) end += 1;
      searchedTo = end;
      // Back up to the start of a candidate cut by the window's edge.
      let from = start;
      while (from > 0 && /[A-Za-z0-9/+=]/.test(text[from - 1] ?? "") && start - from < 64) from -= 1;
      const nearby = text.slice(from, end);
      for (const candidate of nearby.matchAll(secretShape)) {
        const value = candidate[0];
        // Mixed case keeps out the 40-character hex of a git commit or a SHA-1 near the id.
        if (!/\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) continue;
        if (shannonEntropy(value) < 3.5 || isPlaceholderValue(value)) continue;
        findings.push(secretFinding(from + candidate.index, from + candidate.index + value.length, 0.9, detectorId));
      }
    }
    return findings;
  },
};
