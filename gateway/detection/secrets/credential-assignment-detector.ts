import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { readValue, skipHorizontalSpace, startsQuotedValue, type ValueSpan } from "./assigned-value.js";
import { readAssignment } from "./assignment-operator.js";
import { acceptsAssignedValue } from "./accepts-assigned-value.js";
import { foldCase } from "./fold-case.js";
import { linePrefix } from "./line-prefix.js";
import { classifySecretName, nameSegments, type SecretNameKind } from "./secret-name.js";
import { secretFinding } from "./secret-finding.js";
import { vendorNames } from "./vendor-names.js";

const detectorId = "secret-assignment-v1";
const scores: Readonly<Record<SecretNameKind, number>> = { password: 0.85, token: 0.9, hint: 0.75 };

// Searching the folded text for these fragments is the prefilter: only names that contain
// one are parsed at all.
const nameFragments = ["pass", "pwd", "pw", "secret", "token", "key", "cred", "auth", "login", "crumb", "bearer", "api", "pat", ...vendorNames];
const fragmentPattern = new RegExp([...nameFragments].sort((a, b) => b.length - a.length).join("|"), "g");

// Types written between a name and its value: `password: str = "…"`, `token: string = '…'`.
const typeWords = new Set(["str", "string", "int", "bytes", "secretstr", "any", "object", "char", "text"]);

function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45
  );
}

/**
 * `secret key: …`, `AWS Access Key: …`: up to two plain words before the name, on the same
 * line and one blank apart, qualify it the way an underscore would.
 */
function leadingWords(text: string, nameStart: number): string {
  let words = "";
  let position = nameStart;
  for (let count = 0; count < 2; count += 1) {
    if (text[position - 1] !== " " || !/[A-Za-z]/.test(text[position - 2] ?? "")) break;
    let start = position - 1;
    while (start > 0 && /[A-Za-z]/.test(text[start - 1] ?? "")) start -= 1;
    if (start > 0 && !/\s/.test(text[start - 1] ?? "")) break;
    words = `${text.slice(start, position - 1)} ${words}`;
    position = start;
  }
  return words;
}

/** A value separated from its name by blanks only: command-line flags, Gradle, and netrc. */
function readBlankSeparatedValue(text: string, nameStart: number, nameEnd: number): ValueSpan | undefined {
  if (text[nameEnd] !== " " && text[nameEnd] !== "\t") return undefined;
  const valueStart = skipHorizontalSpace(text, nameEnd);
  const first = text[valueStart];
  if (first === undefined || first === "-" || first === "\\" || first === "\n" || first === "\r") return undefined;
  const name = text.slice(nameStart, nameEnd);
  if (name.startsWith("-")) {
    const before = text[nameStart - 1];
    return before === undefined || /[\s"'(]/.test(before) ? readValue(text, valueStart) : undefined;
  }
  // Redis writes `requirepass foobared` and `masterauth foobared` as configuration directives.
  if (/^(?:requirepass|masterauth)$/i.test(name) && /^\s*$/.test(linePrefix(text, nameStart))) return readValue(text, valueStart);
  if (!/^(?:password|passwd)$/i.test(name)) return undefined;
  const before = linePrefix(text, nameStart);
  const netrc = /\blogin\s+\S+\s+$/.test(before) || /\bmachine\s+\S+/.test(text.slice(Math.max(0, nameStart - 200), nameStart));
  if (netrc) return readValue(text, valueStart);
  // Gradle and similar DSLs: `password 'secret'` as the first word of its line.
  if (/^\s*$/.test(before) && startsQuotedValue(text, valueStart)) return readValue(text, valueStart);
  return undefined;
}

/** `password: str = "…"`: skips a type annotation to the value after it. */
function skipTypeAnnotation(text: string, value: ValueSpan): ValueSpan | undefined {
  if (value.quoted || !typeWords.has(text.slice(value.start, value.end).toLowerCase())) return value;
  const position = skipHorizontalSpace(text, value.end);
  if (text[position] !== "=" || text[position + 1] === "=" || text[position + 1] === ">") return undefined;
  return readValue(text, skipHorizontalSpace(text, position + 1));
}

/** What a name says, worked out once per distinct name in a text: code repeats its names. */
interface NameReading {
  kind: SecretNameKind | undefined;
  segments: readonly string[];
}

/**
 * Where a name sits inside a string it does not close (`"Password: " + x`, `"user=a;password=b"`),
 * its value lies inside that string too; a value that starts with that string's closing quote
 * is the code after the string.
 */
function opensInsideString(text: string, nameStart: number, nameEnd: number, value: ValueSpan): boolean {
  const opener = text[nameStart - 1];
  if (opener !== '"' && opener !== "'" && opener !== "`") return false;
  if (text[nameEnd] === opener || (text[nameEnd] === "\\" && text[nameEnd + 1] === opener)) return false;
  return value.quoted && text[value.start - 1] === opener;
}

/** `'"951bc382"'` (a quoted string inside quotes) is the inner value. */
function unwrapInnerQuotes(text: string, value: ValueSpan): ValueSpan {
  const first = text[value.start];
  if (value.end - value.start >= 2 && (first === '"' || first === "'") && text[value.end - 1] === first) {
    return { start: value.start + 1, end: value.end - 1, quoted: true };
  }
  return value;
}

function findingForName(text: string, nameStart: number, nameEnd: number, readings: Map<string, NameReading>): Finding | undefined {
  if (nameEnd - nameStart > 80 || text[nameStart - 1] === "/") return undefined;
  const name = text.slice(nameStart, nameEnd);
  // A fragment inside a key or a hash (`…Xkey9…`) is not a name.
  if ((name.match(/\d/g)?.length ?? 0) > 4) return undefined;
  const prefix = /^[A-Za-z]+$/.test(name) ? leadingWords(text, nameStart) : "";
  const qualified = prefix + name;
  let reading = readings.get(qualified);
  if (!reading) {
    reading = { kind: classifySecretName(qualified), segments: nameSegments(name) };
    readings.set(qualified, reading);
  }
  const { kind, segments } = reading;
  if (!kind) return undefined;
  const assignment = readAssignment(text, nameStart, nameEnd);
  let value = assignment ? readValue(text, assignment.valueStart) : readBlankSeparatedValue(text, nameStart, nameEnd);
  if (value) value = skipTypeAnnotation(text, value);
  if (!value || opensInsideString(text, nameStart, nameEnd, value)) return undefined;
  if (value.quoted) value = unwrapInnerQuotes(text, value);
  if (!acceptsAssignedValue(text, value, { name, segments, kind, assignment, spaced: prefix.length > 0 })) return undefined;
  return secretFinding(value.start, value.end, scores[kind], detectorId);
}

/**
 * Credentials written as a name and a value: code (`password = "…"`, `apiKey: '…'`,
 * `if secret == "…"`), env and INI files, YAML, JSON, TOML, query strings and connection
 * strings (`Password=…;`), HTTP headers (`X-Api-Key: …`) and command-line flags
 * (`--token …`). The value is the finding, never the name.
 */
export const credentialAssignmentDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    const folded = foldCase(text);
    const fragments = new RegExp(fragmentPattern);
    const readings = new Map<string, NameReading>();
    for (let hit = fragments.exec(folded); hit; hit = fragments.exec(folded)) {
      let nameStart = hit.index;
      while (nameStart > 0 && isNameCharacter(text.charCodeAt(nameStart - 1))) nameStart -= 1;
      let nameEnd = hit.index + hit[0].length;
      while (nameEnd < text.length && isNameCharacter(text.charCodeAt(nameEnd))) nameEnd += 1;
      // Every other fragment inside this name finds the same name: continue after it, which
      // also keeps a long run of letters (a base64 blob) from being walked again and again.
      fragments.lastIndex = nameEnd;
      while (nameEnd > nameStart && (text[nameEnd - 1] === "." || text[nameEnd - 1] === "-")) nameEnd -= 1;
      while (text[nameStart] === "." && nameStart < nameEnd) nameStart += 1;
      const finding = findingForName(text, nameStart, nameEnd, readings);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
