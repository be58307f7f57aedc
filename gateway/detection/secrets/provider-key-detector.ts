import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { foldCase } from "./fold-case.js";
import { keyFormats } from "./key-formats/index.js";
import { KeywordSet } from "./keyword-set.js";
import { isMaskedValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-provider-key-v1";
const formatKeywords = new KeywordSet(keyFormats.flatMap((format) => format.keywords));

/**
 * Keys with a documented, distinctive shape: cloud, AI, payment, code hosting, chat and SaaS
 * providers, and our own client tokens. A format runs only when one of its keywords occurs in
 * the text; one pass finds which keywords do.
 */
export const providerKeyDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    const present = formatKeywords.presentIn(foldCase(text));
    for (const format of keyFormats) {
      if (format.keywords.length > 0 && !format.keywords.some((keyword) => present.has(keyword))) continue;
      for (const match of text.matchAll(format.pattern)) {
        const groups = match.indices?.groups;
        const start = groups?.["head"]?.[0] ?? match.index;
        const span = groups?.["secret"] ?? [start, match.index + match[0].length];
        const value = text.slice(span[0], span[1]);
        // A mask (`xoxb-xxxx…`) fills the slot of a key in an example. A documentation key that
        // has the full shape (`AKIAIOSFODNN7EXAMPLE`) is still flagged: it cannot be told from a
        // live key by its text, and masking it costs the reader nothing.
        if (isMaskedValue(value) || (format.validate && !format.validate(value))) continue;
        findings.push(secretFinding(span[0], span[1], 0.99, detectorId));
      }
    }
    return findings;
  },
};
