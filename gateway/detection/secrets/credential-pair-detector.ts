import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { classifySecretName, nameSegments } from "./secret-name.js";
import { secretFinding } from "./secret-finding.js";
import { looksLikePassword, looksLikeSecretToken, looksLikeStrongToken } from "./value-shape.js";

const detectorId = "secret-credential-pair-v1";

// A quoted name, a comma, a quoted value: `setProperty("db.password", "…")`,
// `headers.put("X-Api-Key", "…")`, `os.environ.setdefault("API_TOKEN", "…")`, Gradle's
// `property 'sonar.login', '…'`. An excerpt may cut off the name's opening quote or the value's
// closing one.
const pair =
  /(?<name>[A-Za-z_][\w.-]{1,80})["']\s*,\s*(?:"(?<double>(?:[^"\\\n]|\\.){1,512})(?:"|$)|'(?<single>(?:[^'\\\n]|\\.){1,512})(?:'|$))/dg;

function normalized(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Credentials handed over as a name and a value, side by side, as the arguments of a setter,
 * a map's `put`, a header call or a build script's `property`. The name says what the value
 * must look like, as for an assignment: any chosen word under a password name, a machine-made
 * token under a token name, a long random token under a name that only hints (`login`).
 */
export const credentialPairDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!/["']\s*,\s*["']/.test(text)) return findings;
    for (const match of text.matchAll(pair)) {
      const name = match.groups?.["name"] ?? "";
      const kind = classifySecretName(name);
      if (kind === undefined) continue;
      const span = match.indices?.groups?.["double"] ?? match.indices?.groups?.["single"];
      if (!span) continue;
      const value = text.slice(span[0], span[1]);
      const segments = nameSegments(name);
      // A value that only repeats its name is a label: `put("password", "Password")`.
      if (normalized(value) === normalized(name) || normalized(value) === segments[segments.length - 1]) continue;
      // A list of field names (`["password", "secret"]`) or a label in a translation table
      // (`t("password", "Passwort")`) pairs two words, not a name and a credential.
      if ((/^[A-Za-z][\w.-]*$/.test(value) && classifySecretName(value) !== undefined) || /^[A-Z][\p{Ll}]+$/u.test(value)) continue;
      const accepted = kind === "password" ? looksLikePassword(value) : kind === "token" ? looksLikeSecretToken(value, 8) : looksLikeStrongToken(value);
      if (accepted) findings.push(secretFinding(span[0], span[1], 0.85, detectorId));
    }
    return findings;
  },
};
