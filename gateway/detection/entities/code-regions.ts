/**
 * Marks the characters of `text` that are code or machine text rather than prose: fenced and
 * inline code, lines that read as code, URLs, e-mail addresses, paths, file names and dotted
 * or underscored identifiers. Entity finders treat marked characters strictly: developer
 * prompts are full of capitalised identifiers that name no one.
 */
export function findCodeRegions(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number) => mask.fill(1, start, end);
  markEmailAddresses(text, mark);
  markDottedNames(text, mark);
  for (const { trigger, pattern } of spanPatterns) {
    // Most patterns need one character to exist at all; skipping them saves most of the cost on prose.
    if (trigger !== undefined && !trigger.test(text)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) mark(match.index, match.index + match[0].length);
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > 2 && isCodeLine(text.slice(lineStart, lineEnd))) mark(lineStart, lineEnd);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return mask;
}

// E-mail addresses from each at-sign outwards: a pattern tried at every word would cost more.
function markEmailAddresses(text: string, mark: (start: number, end: number) => void): void {
  const local = /[\w.%+-]/;
  const domain = /[\w.-]/;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && local.test(text.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && domain.test(text.charAt(end))) end++;
    if (start < at && text.slice(at + 1, end).includes(".")) mark(start, end);
  }
}

// File names and dotted identifiers (`index.ts`, `os.path.join`, `config.yaml`), from each dot
// with a word character on both sides, outwards.
function markDottedNames(text: string, mark: (start: number, end: number) => void): void {
  const wordCharacter = /[\w-]/;
  let searchFrom = 0;
  for (let dot = text.indexOf(".", searchFrom); dot !== -1; dot = text.indexOf(".", searchFrom)) {
    searchFrom = dot + 1;
    if (!wordCharacter.test(text.charAt(dot - 1)) || !/[A-Za-z]/.test(text.charAt(dot + 1))) continue;
    let start = dot;
    while (start > 0 && /[\w.-]/.test(text.charAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && /[\w.-]/.test(text.charAt(end))) end++;
    while (end > dot + 1 && text.charAt(end - 1) === ".") end--;
    const name = text.slice(start, end);
    const lastPart = name.slice(name.lastIndexOf(".") + 1);
    // The last part is a lower-case extension ("ts", "yaml") or a call ("os.path.join(").
    const extension = /^[a-z][a-z0-9]{0,5}$/.test(lastPart) && /^[\w-]{2,}/.test(name);
    const call = text.charAt(end) === "(";
    // Three parts or more ("dp.st.dev.x", "a.b.c") is a key, a host or a module path, never prose.
    const chain = (name.match(/\./g)?.length ?? 0) >= 2;
    if (extension || call || chain) mark(start, end);
    searchFrom = Math.max(searchFrom, end);
  }
}

// Each pattern starts only where the previous character cannot continue it, so none of them
// backtracks over a word more than once.
const spanPatterns: ReadonlyArray<{ trigger?: RegExp; pattern: RegExp }> = [
  // Fenced blocks, to the closing fence or the end of the text.
  { trigger: /```|~~~/, pattern: /^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm },
  { trigger: /`/, pattern: /`[^`\n]+`/g },
  { trigger: /:\/\/|www\./i, pattern: /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'`]+/gi },
  // Paths: two or more segments joined by slashes or backslashes.
  { trigger: /[/\\]/, pattern: /(?<![\w.~@%/\\-])[\w.~@%-]*(?:[/\\][\w.~@%-]+){2,}|(?<![\w-])[\w-]+[/\\][\w-]+\.\w+/g },
];

// A line is code when it has the punctuation of code and little of prose.
const codeLinePatterns: readonly RegExp[] = [
  /^\s*(?:import|export|from\s+[\w.]+\s+import|def|class|function|fn|func|const|let|var|return|public|private|protected|static|package|using|namespace|interface|struct|enum|impl|trait|module|require|include|#include|#define|#!\/|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\b[^\n]*[=({:;<]/,
  /[;{}]\s*(?:\/\/.*)?$/,
  /=>|===|!==|::|->|\+\+|&&|\|\||:=|\$\{/,
  /^\s*(?:\$|>>>|PS>|C:\\>|\+|-|@@)\s*[a-z][\w-]*\s+-{1,2}[a-z]/,
  /^\s*(?:\/\/|\/\*|\*\/|#\s*(?:TODO|FIXME|noqa)|<!--|<\/?[a-z][\w-]*(?:\s[^>]*)?>)/,
  /^\s*[\w.-]+\s*=\s*\S/,
  // An assignment or a quoted value anywhere: `# passwd = '1234'`, `message: 'Done', status: 'End'`.
  /[\w\])]\s*=\s*["'\d[{(]|\b\w+\s*:\s*["'][^"'\n]*["']\s*[,}]/,
  // Keyword arguments and batch variables: `Twitter(auth=OAuth(`, `%RUNTIMEDIR%`.
  /\w\(\s*\w+\s*=|%\w+%/,
  // Shell: a command line, a flag, a continued line.
  /^\s*(?:sudo|curl|wget|git|npm|npx|pnpm|yarn|pip|pip3|python3?|node|deno|docker|kubectl|helm|terraform|aws|gcloud|az|ssh|scp|rsync|export|echo|cd|ls|cat|grep|sed|awk|chmod|chown|mkdir|rm|cp|mv|make|cargo|go|java|mvn|gradle|brew|apt|apt-get|systemctl|openssl)\s/,
  /(?:^|\s)--?[A-Za-z][\w-]*(?:[ =]["'\w]|$)|\\\s*$/,
  // YAML list items and machine values: "- name: x", "apiUrl: https://…", "okta: 00QCjAl4…".
  /^\s*-\s+[\w.-]+\s*:/,
  // JSON keys in quotes, and values no person writes: `"name": …`, `Arn: "arn:aws:…"`, `okta: 00QCjAl4…`.
  /^\s*"[\w.-]+"\s*:/,
  /^\s*[A-Za-z_][\w.-]*\s*:\s*(?:["'`][^\s"'`]*["'`]\s*,?\s*$|(?=\S*[-_.:/@${}])(?=\S*[A-Za-z])\S+\s*$|(?:true|false|null)\s*$)/,
  // Aligned columns: a table or a tool's output ("Client Id         PlatformCLI").
  /\S {3,}\S.*\S {3,}\S|^\s*[\w ]{2,30}\S {6,}\S+\s*$/,
];

function isCodeLine(line: string): boolean {
  // Every pattern needs at least one of these characters or a command word; prose lines without any are rejected at once.
  if (!/[=:;{}()<>$\\/#*+\-`'"@|]|^\s*[a-z]/.test(line)) return false;
  for (const pattern of codeLinePatterns) if (pattern.test(line)) return true;
  // Dense symbols: more than one in eight visible characters is brackets, operators or quotes.
  let symbols = 0;
  let visible = 0;
  for (const character of line) {
    if (character === " " || character === "\t") continue;
    visible++;
    if ("{}[]()=;$\\|&^~`_".includes(character)) symbols++;
  }
  return visible >= 12 && symbols * 8 > visible;
}
