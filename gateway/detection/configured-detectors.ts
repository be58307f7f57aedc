import type { Finding, FindingType } from "../../shared/findings.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { defaultDetectors } from "./detect.js";
import type { Detector } from "./detector.js";

/** Letters and digits only, lower-cased: how a term is compared whatever its spacing and case. */
function folded(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function escapeForPattern(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A term matches in any case and with any spacing or punctuation between its letters and
 * digits: `Project Falcon` also finds `PROJECT-FALCON` and `projectfalcon`, `MAT-2024-001`
 * also `mat 2024 001`.
 */
function termPattern(term: string): string {
  const characters = [...term].filter((character) => /[\p{L}\p{N}]/u.test(character));
  return characters.map(escapeForPattern).join("[\\s._/-]*");
}

export function customTermsDetector(terms: ReadonlyArray<{ value: string; type: FindingType }>): Detector | undefined {
  const usable = terms.filter((term) => folded(term.value).length >= 2);
  if (usable.length === 0) return undefined;
  const typeOf = new Map(usable.map((term) => [folded(term.value), term.type]));
  // Longest first, so a longer term wins over one it contains.
  const alternatives = [...usable].sort((a, b) => b.value.length - a.value.length).map((term) => termPattern(term.value));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return {
    id: "custom-terms-v1",
    detect(text) {
      const findings: Finding[] = [];
      for (const match of text.matchAll(pattern)) {
        findings.push({ start: match.index, end: match.index + match[0].length, type: typeOf.get(folded(match[0])) ?? "CUSTOM", score: 1, detector: "custom-terms-v1" });
      }
      return findings;
    },
  };
}

/** Drops findings the user listed as false positives; a secret is never let be this way. */
function allowing(detector: Detector, allowed: ReadonlySet<string>): Detector {
  return {
    id: detector.id,
    detect(text) {
      return detector.detect(text).filter((finding) => finding.type === "SECRET" || !allowed.has(folded(text.slice(finding.start, finding.end))));
    },
  };
}

/** The detectors as this configuration runs them: the user's terms first, then the built-in ones, with the allow-list applied. */
export function configuredDetectors(detection: GatewayConfig["detection"]): readonly Detector[] {
  const terms = detection.terms.map((term) => (typeof term === "string" ? { value: term, type: "CUSTOM" as const } : term));
  const custom = customTermsDetector(terms);
  const detectors = custom ? [custom, ...defaultDetectors] : [...defaultDetectors];
  const allowed = new Set(detection.allow.map(folded).filter((term) => term.length > 0));
  return allowed.size === 0 ? detectors : detectors.map((detector) => allowing(detector, allowed));
}
