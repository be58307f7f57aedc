import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { isBasicCredential } from "./basic-credential.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";
import { isOrdinaryValue } from "./value-shape.js";

const detectorId = "secret-authorization-header-v1";

// `Bearer <token>` wherever it is written: a header, `curl -H`, a string in code.
const bearer = /(?<![A-Za-z0-9_])[Bb]earer:?[ \t]+(?<secret>[A-Za-z0-9._~+/=-]{8,})/dg;
const basic = /(?<![A-Za-z0-9_])Basic[ \t]+(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/dg;
// The other schemes, and a header that carries the credential with no scheme at all.
const otherScheme =
  /Authorization["']?[ \t]*[:=,][ \t]*["'`]?[ \t]*(?:(?:Token|token|SSWS|Bot|ApiKey|Api-Key|Key|GenieKey|OAuth|Zoho-oauthtoken|Splunk|DeepL-Auth-Key)[ \t]+)?(?<secret>[A-Za-z0-9._~+/=:-]{8,})/dg;

function acceptsToken(value: string): boolean {
  if (isPlaceholderValue(value) || isOrdinaryValue(value)) return false;
  if (/\d/.test(value)) return true;
  return value.length >= 20 && /[a-z]/.test(value) && /[A-Z]/.test(value);
}


/** HTTP `Authorization` credentials: Bearer tokens, Basic user:password pairs, and the other schemes. */
export const authorizationHeaderDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    const checks: Array<[RegExp, (value: string) => boolean, string]> = [
      [bearer, acceptsToken, "earer"],
      [basic, isBasicCredential, "Basic"],
      [otherScheme, acceptsToken, "Authorization"],
    ];
    for (const [pattern, accepts, keyword] of checks) {
      if (!text.includes(keyword)) continue;
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.groups?.["secret"];
        if (!span || !accepts(text.slice(span[0], span[1]))) continue;
        findings.push(secretFinding(span[0], span[1], 0.95, detectorId));
      }
    }
    return findings;
  },
};
