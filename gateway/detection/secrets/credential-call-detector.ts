import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { secretFinding } from "./secret-finding.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { looksLikeSecretToken } from "./value-shape.js";

const detectorId = "secret-credential-call-v1";

// A string literal argument, its content in one of two groups.
function literal(group: string): string {
  return String.raw`(?:"(?<${group}Double>(?:[^"\\\n]|\\.){1,200})"|'(?<${group}Single>(?:[^'\\\n]|\\.){1,200})')`;
}
const argument = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^,()"'\n]+)`;

/**
 * Calls whose arguments are credentials by position: `NetworkCredential("user", "pass")`,
 * `HTTPBasicAuth('user', 'pass')`, `smtp.login(user, "pass")`, `auth=("user", "pass")`,
 * `DirectoryEntry(path, user, "pass")`, `ConvertTo-SecureString "pass" -AsPlainText`, and setters
 * (`setPassword("…")`, `.withToken("…")`).
 */
const calls: ReadonlyArray<{ pattern: RegExp; kind: "password" | "token" }> = [
  {
    pattern: new RegExp(
      String.raw`\b(?:NetworkCredential|UsernamePasswordCredentials?|PasswordAuthentication|HTTPBasicAuth|HTTPDigestAuth|HttpBasicAuth|BasicAuth|basic_auth|BasicCredentials)\s*\(\s*${argument}\s*,\s*${literal("value")}`,
      "dg",
    ),
    kind: "password",
  },
  { pattern: new RegExp(String.raw`\.login\(\s*${argument}\s*,\s*${literal("value")}\s*\)`, "dg"), kind: "password" },
  { pattern: new RegExp(String.raw`\bauth\s*=\s*\(\s*${argument}\s*,\s*${literal("value")}\s*\)`, "dg"), kind: "password" },
  { pattern: new RegExp(String.raw`\bDirectoryEntry\s*\(\s*${argument}\s*,\s*${argument}\s*,\s*${literal("value")}`, "dg"), kind: "password" },
  { pattern: new RegExp(String.raw`ConvertTo-SecureString\s+(?:-String\s+)?${literal("value")}\s+-AsPlainText`, "dgi"), kind: "password" },
  { pattern: new RegExp(String.raw`\b(?:set|with)(?:[A-Z]\w*)?(?:Password|Passwd|Secret)\s*\(\s*${literal("value")}\s*\)`, "dg"), kind: "password" },
  { pattern: new RegExp(String.raw`\b(?:set|with)(?:[A-Z]\w*)?(?:Token|ApiKey|AccessKey|SecretKey)\s*\(\s*${literal("value")}\s*\)`, "dg"), kind: "token" },
];

/** The position says this is a password, so any word counts except a slot or the word itself. */
function acceptsPassword(value: string): boolean {
  return value.length >= 3 && !isPlaceholderValue(value) && !/^(?:password|passwd|pass|pwd)$/i.test(value);
}

// The callee names above, to skip a text that calls none of them in one search.
const anyCallee = /NetworkCredential|UsernamePassword|PasswordAuthentication|BasicAuth|Digest|basic_auth|BasicCredentials|\.login\(|\bauth\s*=|DirectoryEntry|SecureString|\b(?:set|with)[A-Z]\w*\(/i;

export const credentialCallDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!anyCallee.test(text)) return findings;
    for (const { pattern, kind } of calls) {
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.groups?.["valueDouble"] ?? match.indices?.groups?.["valueSingle"];
        if (!span) continue;
        const value = text.slice(span[0], span[1]);
        if (kind === "password" ? !acceptsPassword(value) : !looksLikeSecretToken(value, 8)) continue;
        findings.push(secretFinding(span[0], span[1], 0.9, detectorId));
      }
    }
    return findings;
  },
};
