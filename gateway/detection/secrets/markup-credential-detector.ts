import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { classifySecretName, type SecretNameKind } from "./secret-name.js";
import { secretFinding } from "./secret-finding.js";
import { looksLikePassword, looksLikeSecretToken, looksLikeStrongToken } from "./value-shape.js";

const detectorId = "secret-markup-v1";

// .NET and Spring configuration: `<add key="SmtpPassword" value="…"/>`,
// `<property name="password" value="…"/>`, `<setting name="ApiKey" value="…">`.
const keyValueAttributes = /\b(?:key|name)\s*=\s*"(?<name>[^"\n]{1,80})"\s+value\s*=\s*"(?<secret>[^"\n]{1,400})"/dg;
// Elements named after the credential: Maven `<password>…</password>`, `<apiKey>…</apiKey>`.
const credentialElement = /<(?<name>[A-Za-z_][\w.:-]{0,60})>(?<secret>[^<\n]{1,400})<\/\k<name>>/dg;

function accepts(kind: SecretNameKind, value: string): boolean {
  if (kind === "password") return looksLikePassword(value);
  return kind === "token" ? looksLikeSecretToken(value, 8) : looksLikeStrongToken(value);
}

/** Credentials in XML configuration, where the name is an attribute or an element. */
export const markupCredentialDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes("<") && !text.includes("value")) return findings;
    for (const pattern of [keyValueAttributes, credentialElement]) {
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.groups?.["secret"];
        const kind = classifySecretName(match.groups?.["name"] ?? "");
        if (!span || !kind || !accepts(kind, text.slice(span[0], span[1]))) continue;
        findings.push(secretFinding(span[0], span[1], 0.9, detectorId));
      }
    }
    return findings;
  },
};
