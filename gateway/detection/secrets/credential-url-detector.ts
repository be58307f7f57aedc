import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";
import { looksLikeStrongToken } from "./value-shape.js";

const detectorId = "secret-url-credential-v1";

// `scheme://user:password@host`. The password may hold `@` and `:` (people paste them
// unencoded); the shortest password after which a plausible host follows wins, so
// `user:p@ss@db.example.com` reads as the password `p@ss`, and `a:b@h1,a:b@h2` as two.
// Each pattern starts at `://` and checks the scheme behind it, so the engine searches for that
// literal instead of trying every word as a scheme.
const userAndPassword =
  /:\/\/(?<=(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)(?<user>[^\s:/?#@'"`<>]{0,128}):(?<password>[^\s/?#'"`<>]{1,256}?)@(?=[A-Za-z0-9.%[\]_-]+(?:[:/?#,;'"`\s\]]|$))/dg;
// `https://<token>@host`: a token as the user part (Sentry DSNs, git remotes with a token).
const tokenAsUser = /:\/\/(?<=(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)(?<token>[A-Za-z0-9_-]{16,128})@[A-Za-z0-9.-]+/dg;
// More hosts of the same URI, each with its own credentials: `…@h1:1,user:secret@h2:2/db`.
const nextHost = /[A-Za-z0-9.%[\]_-]*(?::\d+)?,(?<user>[^\s:/?#@,'"`<>]{0,128}):(?<password>[^\s/?#,'"`<>]{1,256}?)@(?=[A-Za-z0-9.%[\]_-]+(?:[:/?#,;'"`\s\]]|$))/dy;
// Oracle's `jdbc:oracle:thin:user/password@host`.
const oracleThin = /jdbc:oracle:(?:thin|oci):(?<user>[^\s/@:'"]+)\/(?<password>[^\s@'"]+)@/dg;

/** The word `password` in the password's place is the slot, not its content. */
function acceptsPassword(password: string): boolean {
  return !isPlaceholderValue(password) && !/^(?:password|passwd|pass|pwd)$/i.test(password);
}

function otherHosts(text: string, from: number, findings: Finding[]): void {
  const sticky = new RegExp(nextHost);
  sticky.lastIndex = from;
  for (let match = sticky.exec(text); match; match = sticky.exec(text)) {
    const span = match.indices?.groups?.["password"];
    if (span && acceptsPassword(match.groups?.["password"] ?? "")) findings.push(secretFinding(span[0], span[1], 0.95, detectorId));
  }
}

/** Credentials inside URLs and connection URIs: database, broker, git and HTTP basic-auth URLs, JDBC. */
export const credentialUrlDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes("://") && !text.includes("jdbc:")) return findings;
    for (const pattern of [userAndPassword, oracleThin]) {
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.groups?.["password"];
        if (span && acceptsPassword(match.groups?.["password"] ?? "")) findings.push(secretFinding(span[0], span[1], 0.95, detectorId));
        if (pattern === userAndPassword) otherHosts(text, match.index + match[0].length, findings);
      }
    }
    for (const match of text.matchAll(tokenAsUser)) {
      const span = match.indices?.groups?.["token"];
      if (!span || !looksLikeStrongToken(match.groups?.["token"] ?? "")) continue;
      findings.push(secretFinding(span[0], span[1], 0.9, detectorId));
    }
    return findings;
  },
};
