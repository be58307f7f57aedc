import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-private-key-v1";
const longestKey = 64 * 1024;

// PEM of every kind (`RSA`, `EC`, `DSA`, `OPENSSH`, `ENCRYPTED`, PKCS#8 without a word), PGP
// private key blocks, and the SSH2 (`---- BEGIN … ----`) form.
const beginMarker = /(?:-----|---- )BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)(?:-----| ----)/g;
// A private key pasted without its armour: base64 of `-----BEGIN`, of `openssh-key-v1`, or the
// DER start of PKCS#1 RSA, PKCS#8 RSA, SEC1 EC and PKCS#8 Ed25519 keys.
const bareKeyStart =
  /(?<![A-Za-z0-9+/])(?:LS0tLS1CRUdJTi|b3BlbnNzaC1rZXktdjE|MII[A-Za-z0-9+/]{2}(?:AIBAAKC|QIBADANBgkqhkiG9w0BAQEFAASC)|MHcCAQEEI|MC4CAQAwBQYDK2VwBCIEI)[A-Za-z0-9+/=]{20,}/g;
const puttyHeader = /PuTTY-User-Key-File-\d+: /g;
const base64Character = /[A-Za-z0-9+/=]/;

function countBase64(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index += 1) if (base64Character.test(text[index] ?? "")) count += 1;
  return count;
}

/**
 * Where a key body that lost its END line stops. The body is runs of base64 joined by line
 * breaks, escaped `\n`, or string concatenation (`" +\n"`); blanks alone may join only long runs
 * (a key pasted on one line), since prose is short words between blanks. A short run ends it.
 */
function endOfKeyBody(text: string, from: number): number {
  let position = from;
  let end = from;
  let previousRun = 0;
  let afterHeader = false;
  const limit = Math.min(text.length, from + longestKey);
  while (position < limit) {
    const separatorStart = position;
    let lineBreak = false;
    let newlines = 0;
    while (position < limit) {
      const character = text[position];
      if (character === "\n") newlines += 1;
      if (character === "\n" || character === "\r" || character === '"' || character === "'" || character === "`") {
        lineBreak = true;
        position += 1;
      } else if (character === "\\" && (text[position + 1] === "n" || text[position + 1] === "r")) {
        lineBreak = true;
        position += 2;
      } else if (character === " " || character === "\t" || character === "+" || character === ",") {
        position += 1;
      } else {
        break;
      }
    }
    if (position > separatorStart && !lineBreak && previousRun < 40 && end !== from) break;
    // A blank line ends the body, except the one after the headers of an encrypted PEM.
    if (newlines >= 2 && !afterHeader && end !== from) break;
    const runStart = position;
    while (position < limit && base64Character.test(text[position] ?? "")) position += 1;
    if (position === runStart) break;
    afterHeader = false;
    // `Proc-Type: 4,ENCRYPTED` and `DEK-Info: …` headers of an encrypted PEM body.
    if (text[position] === ":" || text[position] === "-") {
      const lineEnd = text.indexOf("\n", position);
      position = lineEnd < 0 ? limit : lineEnd;
      afterHeader = true;
      end = position;
      previousRun = 64;
      continue;
    }
    const run = position - runStart;
    // Key lines are 64 or 70 characters; a short run is the last line when the line ends with
    // it, and otherwise the start of something else (`The rest of the message`).
    if (run < 20) {
      if (/^[ \t]*[A-Za-z0-9]/.test(text.slice(position, position + 3))) break;
      end = position;
      break;
    }
    previousRun = run;
    end = position;
  }
  return end;
}

function armouredKeys(text: string, findings: Finding[]): void {
  // The next `END ` marker, found once and reused while the BEGIN markers are still before it:
  // searching from every BEGIN marker to the end of the text would be quadratic.
  let nextEnd = -1;
  for (const match of text.matchAll(beginMarker)) {
    const label = match[1] ?? "";
    const bodyStart = match.index + match[0].length;
    if (nextEnd !== -2 && nextEnd < bodyStart) {
      nextEnd = text.indexOf("END ", bodyStart);
      if (nextEnd < 0) nextEnd = -2;
    }
    const endLabel = nextEnd >= 0 && text.startsWith(`END ${label}`, nextEnd) ? nextEnd : -1;
    if (endLabel >= 0 && endLabel - bodyStart < longestKey) {
      // A whole block counts even when short (a key cut down for a question); only a body
      // without key characters (`...`, `<your key>`) is an illustration.
      if (countBase64(text, bodyStart, endLabel) < 8) continue;
      let end = endLabel + `END ${label}`.length;
      while (text[end] === "-" || (text[end] === " " && text[end + 1] === "-")) end += 1;
      findings.push(secretFinding(match.index, end, 0.99, detectorId));
      continue;
    }
    // Without its END line, a key needs a real body; a marker alone
    // (`if (pem.startsWith("-----BEGIN PRIVATE KEY-----"))`) holds no key.
    const end = endOfKeyBody(text, bodyStart);
    if (countBase64(text, bodyStart, end) < 32) continue;
    findings.push(secretFinding(match.index, end, 0.99, detectorId));
  }
}

function bareKeys(text: string, findings: Finding[]): void {
  // Inside an armoured block the body is already part of that finding.
  const blocks = findings.map((finding) => [finding.start, finding.end] as const);
  for (const match of text.matchAll(bareKeyStart)) {
    if (blocks.some(([start, end]) => match.index >= start && match.index < end)) continue;
    if (match[0].startsWith("LS0tLS1CRUdJTi")) {
      const decoded = Buffer.from(match[0].slice(0, 120), "base64").toString("latin1");
      if (!decoded.includes("PRIVATE KEY")) continue;
    }
    const end = endOfKeyBody(text, match.index + match[0].length);
    if (end - match.index < 60) continue;
    findings.push(secretFinding(match.index, end, 0.99, detectorId));
  }
}

/** PuTTY key files: the header through the `Private-MAC` line (or the private lines when it is cut off). */
function puttyKeys(text: string, findings: Finding[]): void {
  for (const match of text.matchAll(puttyHeader)) {
    const window = text.slice(match.index, match.index + longestKey);
    const mac = /Private-(?:MAC|Hash): *[0-9a-fA-F]+/.exec(window);
    if (mac) {
      findings.push(secretFinding(match.index, match.index + mac.index + mac[0].length, 0.99, detectorId));
      continue;
    }
    const privateLines = /Private-Lines: *\d+\r?\n/.exec(window);
    if (!privateLines) continue;
    const end = endOfKeyBody(text, match.index + privateLines.index + privateLines[0].length);
    findings.push(secretFinding(match.index, end, 0.99, detectorId));
  }
}

/** Private keys: armoured PEM, OpenSSH, PGP and SSH2 blocks, PuTTY files, and header-less base64 keys. */
export const privateKeyDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (text.includes("PRIVATE KEY")) armouredKeys(text, findings);
    if (text.includes("PuTTY-User-Key-File-")) puttyKeys(text, findings);
    bareKeys(text, findings);
    return findings;
  },
};
