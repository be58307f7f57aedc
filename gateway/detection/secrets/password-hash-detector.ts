import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-password-hash-v1";

/**
 * Password hashes in the crypt(3) family and their relatives. They are not the password, but
 * an offline guesser turns weak ones back into it, so they stay on the machine. Each format
 * starts with its own `$id$`, so nothing else matches.
 */
const hashPatterns: readonly RegExp[] = [
  /\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}/g, // bcrypt
  /\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}/g, // md5crypt
  /\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}/g, // sha256crypt, sha512crypt
  /\$[89]\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43}/g, // Cisco IOS type 8 and 9
  /\$y\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{43}/g, // yescrypt
  /\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}/g, // Argon2
  /\bpbkdf2_sha(?:1|256)\$\d{4,7}\$[A-Za-z0-9]{4,64}\$[A-Za-z0-9+/=]{28,}/g, // Django PBKDF2
  /\$krb5(?:asrep|tgs)\$\d{1,2}\$[^\s$]{0,256}?[0-9a-f]{32}\$[0-9a-f]{64,}/g, // Kerberos AS-REP and TGS-REP
];

export const passwordHashDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes("$")) return findings;
    for (const pattern of hashPatterns) {
      for (const match of text.matchAll(pattern)) {
        findings.push(secretFinding(match.index, match.index + match[0].length, 0.9, detectorId));
      }
    }
    return findings;
  },
};
