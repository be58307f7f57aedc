import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { foldCase } from "./fold-case.js";
import { secretFinding } from "./secret-finding.js";
import { looksLikePassword, looksLikeStrongToken } from "./value-shape.js";

const detectorId = "secret-prose-v1";

// `the password is 'Secret123'`, `ensure the password is "centipede"`, `the default password for
// the user "pyne-user" is "pyne"`, `set the password to 'x'`: a quoted value after `is`, `was`,
// `be` or `to`, within one clause of the word. Only a quoted value counts, so the sentence
// around it cannot be read as the password.
const passwordSentence =
  /\b(?:pass(?:word|phrase|code)|pwd)\b[^\n.;!?]{0,60}?\b(?:is|was|be|to)\s*:?\s*(?:["'`“‘])(?<secret>[^"'`”’\n]{3,64})(?:["'`”’])/dgi;

// `my password is Wint3rIsComing!`, `the wifi password: hunter2`: unquoted, the word after `is`
// or a colon counts when a person would not write it in a sentence: letters with digits or
// symbols, not a link or a path (those fail `looksLikePassword`).
const unquotedPasswordSentence =
  /\b(?:pass(?:word|phrase|code)|pwd)\b(?:[ \t]+(?:is|was)[ \t]*:?|[ \t]*:)[ \t]*(?<secret>[^\s"'`“‘]{6,64})/dgi;

function looksTypedIn(value: string): boolean {
  return /\p{L}/u.test(value) && /[\p{N}\p{P}\p{S}]/u.test(value.replace(/[.,;:!?)]+$/, "")) && !/^[\p{L}]+[.,;:!?)]+$/u.test(value);
}

// `my api key is 0278fc1a…`, `the token was "…"`: a key named in a sentence, then the key itself,
// quoted or not; unquoted, only a long random token counts.
const keySentence =
  /\b(?:api[ _-]?key|access[ _-]?key|secret[ _-]?key|token|secret)\b[^\n.;!?]{0,40}?\b(?:is|was)\s*:?\s*(?<quote>["'`“‘]?)(?<secret>[A-Za-z0-9_\-+/=.~]{16,200})\k<quote>(?![A-Za-z0-9_\-+/=~])/dgi;

// A line that ends by announcing a secret (`Please use the following password to proceed:`),
// followed by the value alone on the next non-blank line.
const announcingWords = ["password", "passphrase", "token", "secret", "api key", "access key"];

function valueOnNextLine(text: string, colon: number): [number, number] | undefined {
  let position = colon + 1;
  let newlines = 0;
  while (position < text.length && /\s/.test(text[position] ?? "")) {
    if (text[position] === "\n") newlines += 1;
    position += 1;
  }
  if (newlines === 0 || newlines > 2) return undefined;
  let end = position;
  while (end < text.length && !/\s/.test(text[end] ?? "")) end += 1;
  const lineEnd = text.indexOf("\n", end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  return rest.trim() === "" && looksLikeStrongToken(text.slice(position, end)) ? [position, end] : undefined;
}

function announcedValues(text: string, findings: Finding[]): void {
  const folded = foldCase(text);
  for (const word of announcingWords) {
    for (let hit = folded.indexOf(word); hit >= 0; hit = folded.indexOf(word, hit + word.length)) {
      // The line must end within a short label's length, or this is not such a line.
      const lineEnd = text.slice(hit, hit + 160).indexOf("\n");
      if (lineEnd < 0) continue;
      const colon = text.slice(hit, hit + lineEnd).trimEnd().length + hit - 1;
      if (text[colon] !== ":") continue;
      const span = valueOnNextLine(text, colon);
      if (span) findings.push(secretFinding(span[0], span[1], 0.8, detectorId));
    }
  }
}

/** Credentials told in sentences: documentation, chat, setup output. */
export const proseCredentialDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of text.matchAll(passwordSentence)) {
      const span = match.indices?.groups?.["secret"];
      if (!span || !looksLikePassword(text.slice(span[0], span[1]))) continue;
      findings.push(secretFinding(span[0], span[1], 0.8, detectorId));
    }
    for (const match of text.matchAll(unquotedPasswordSentence)) {
      const span = match.indices?.groups?.["secret"];
      if (!span) continue;
      // A full stop or a comma after the value ends the sentence, not the password.
      let end = span[1];
      while (end > span[0] && /[.,;)]/.test(text[end - 1] ?? "")) end -= 1;
      const value = text.slice(span[0], end);
      if (!looksTypedIn(value) || !looksLikePassword(value)) continue;
      findings.push(secretFinding(span[0], end, 0.75, detectorId));
    }
    for (const match of text.matchAll(keySentence)) {
      const span = match.indices?.groups?.["secret"];
      if (!span || !looksLikeStrongToken(text.slice(span[0], span[1]))) continue;
      findings.push(secretFinding(span[0], span[1], 0.8, detectorId));
    }
    announcedValues(text, findings);
    return findings;
  },
};
