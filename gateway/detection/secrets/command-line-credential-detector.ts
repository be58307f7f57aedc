import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-command-line-v1";

// A flag's value: a quoted string or a run of non-blanks.
const value = String.raw`(?:"(?<double>[^"\n]{1,200})"|'(?<single>[^'\n]{1,200})'|(?<bare>[^\s'"]{1,200}))`;

/**
 * Short flags mean a password only for some commands (`-p` is a port to `docker run`), so each
 * flag is read only on the logical line of the command that gives it that meaning.
 */
const commands: ReadonlyArray<{ command: RegExp; flag: RegExp }> = [
  { command: /\b(?:docker|podman|nerdctl|buildah|skopeo|helm(?:\s+registry)?|oras)\s+login\b/gi, flag: new RegExp(String.raw`\s-p[ \t]+${value}`, "dg") },
  { command: /\bpsexec(?:64)?(?:\.exe)?\b/gi, flag: new RegExp(String.raw`\s-p[ \t]+${value}`, "dg") },
  // MySQL takes the password glued to `-p`; `-p` alone asks for it.
  { command: /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb)\b/gi, flag: new RegExp(String.raw`\s-p${value}`, "dg") },
  { command: /\bsshpass\b/gi, flag: new RegExp(String.raw`\s-p[ \t]*${value}`, "dg") },
  { command: /\bredis-cli\b/gi, flag: new RegExp(String.raw`\s-a[ \t]+${value}`, "dg") },
  { command: /\bmongo(?:sh|dump|restore|import|export)?\b/gi, flag: new RegExp(String.raw`\s-p[ \t]+${value}`, "dg") },
  { command: /\b(?:sqlcmd|bcp|osql)\b/gi, flag: new RegExp(String.raw`\s-P[ \t]*${value}`, "dg") },
  { command: /\bldap(?:search|add|modify|delete|passwd|whoami|compare|modrdn)\b/gi, flag: new RegExp(String.raw`\s-w[ \t]+${value}`, "dg") },
  { command: /\bsmbclient\b/gi, flag: new RegExp(String.raw`\s(?:-U|--user(?:name)?)[ \t=]+[^%\s]+%${value}`, "dg") },
  { command: /\bopenssl\b/gi, flag: new RegExp(String.raw`\bpass:${value}`, "dg") },
  // `curl -u user:password`, `--user`, `--proxy-user`; the user part stays visible.
  { command: /\b(?:curl|wget)\b/gi, flag: /\s(?:-u|--user|--proxy-user)[ \t=]+["']?[^\s:'"]+:(?<bare>[^\s'"]+)/dg },
  // `net use Z: \\server\share password /user:name`; a quoted share path may hold blanks, so it is skipped.
  { command: /\bnet\s+use\b/gi, flag: /(?<!["'])\\\\[^\s"']+[ \t]+(?<bare>(?!\/)[^\s*"']\S*)/dg },
];

// Every command above, to skip a text that names none of them in one search.
const anyCommand = new RegExp(commands.map(({ command }) => command.source).join("|"), "i");

/** The flag says this is a password, so any word counts except a slot or the word itself. */
function acceptsPassword(password: string): boolean {
  return password.length >= 3 && !password.startsWith("-") && !isPlaceholderValue(password) && !/^(?:password|passwd|pass|pwd)$/i.test(password);
}

/** The command's logical line: through backslash, caret and backtick line continuations. */
function logicalLineEnd(text: string, from: number): number {
  let position = from;
  const limit = Math.min(text.length, from + 4096);
  while (position < limit) {
    const newline = text.indexOf("\n", position);
    if (newline < 0 || newline >= limit) return limit;
    const before = text.slice(Math.max(from, newline - 2), newline).trimEnd();
    if (!/[\\^`]$/.test(before)) return newline;
    position = newline + 1;
  }
  return limit;
}

/** Passwords given to command-line tools as flags: `docker login -p`, `mysql -p…`, `curl -u user:pass`, `psexec -p`. */
export const commandLineCredentialDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!anyCommand.test(text)) return findings;
    for (const { command, flag } of commands) {
      for (const commandMatch of text.matchAll(command)) {
        const lineEnd = logicalLineEnd(text, commandMatch.index);
        const line = text.slice(commandMatch.index, lineEnd);
        for (const match of line.matchAll(flag)) {
          const groups = match.indices?.groups;
          const span = groups?.["double"] ?? groups?.["single"] ?? groups?.["bare"];
          if (!span) continue;
          const password = line.slice(span[0], span[1]);
          if (!acceptsPassword(password)) continue;
          findings.push(secretFinding(commandMatch.index + span[0], commandMatch.index + span[1], 0.9, detectorId));
        }
      }
    }
    return findings;
  },
};
