import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";

/**
 * Key formats with a fixed, documented shape. Each needs a distinctive prefix, so code, hashes
 * and UUIDs do not trip it. The detection work broadens this list.
 */
const secretPatterns: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "privacy-router-client-token", pattern: /\bprt_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { name: "anthropic-api-key", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { name: "openai-api-key", pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { name: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { name: "github-token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { name: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
  { name: "stripe-key", pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}\b/g },
  { name: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  {
    name: "private-key",
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
];

export const secretFormatsDetector: Detector = {
  id: "secret-formats-v1",
  detect(text) {
    const findings: Finding[] = [];
    for (const { pattern } of secretPatterns) {
      for (const match of text.matchAll(pattern)) {
        findings.push({ start: match.index, end: match.index + match[0].length, type: "SECRET", score: 0.99, detector: "secret-formats-v1" });
      }
    }
    return findings;
  },
};
