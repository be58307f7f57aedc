import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-json-web-token-v1";

// `eyJ` is base64 for `{"`: a JSON header, a payload, and a signature (empty for `alg: none`).
const tokenPattern = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}={0,2}\.[A-Za-z0-9_-]{4,}={0,2}\.(?:[A-Za-z0-9_-]{4,}={0,2})?(?![A-Za-z0-9_-])/g;

/** The header must read as a JOSE header: it names an algorithm, a type, a key or an encryption. */
function hasJoseHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf("."));
  const decoded = Buffer.from(header.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
  return /"(?:alg|typ|kid|enc|cty)"/.test(decoded);
}

/** JSON Web Tokens (and JWE compact tokens): bearer credentials whatever name they sit under. */
export const jsonWebTokenDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes("eyJ")) return findings;
    for (const match of text.matchAll(tokenPattern)) {
      if (!hasJoseHeader(match[0])) continue;
      findings.push(secretFinding(match.index, match.index + match[0].length, 0.95, detectorId));
    }
    return findings;
  },
};
