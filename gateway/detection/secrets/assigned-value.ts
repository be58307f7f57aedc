/** Where a value written after a name sits in the text, without its quotes. */
export interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

const quotes = new Set(['"', "'", "`", "“", "‘"]);
const closingQuote: Readonly<Record<string, string>> = { "“": "”", "‘": "’" };
// An unquoted value ends at whitespace, at a quote, at a separator of the surrounding syntax,
// or at a backslash (an escaped `\n` inside a string that holds a whole file). An ampersand
// ends it only where the next query parameter starts (`?password=x&user=y`): inside a value
// (`password: Tr0ub4dor&3`) it is one of the password's characters.
const unquotedStops = new Uint8Array(128);
for (const character of ' \t\n\r"\'`,;(){}[]<>\\') unquotedStops[character.charCodeAt(0)] = 1;
const nextParameter = /^&(?:amp;)?[A-Za-z_][\w.-]*=/;

function endsValue(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128 && unquotedStops[code] === 1) return true;
  if (code !== 38) return false;
  // `password=x&& next`, `…&` at the end, `?password=x&user=y`.
  const next = text[index + 1];
  return next === undefined || next === "&" || /\s/.test(next) || nextParameter.test(text.slice(index, index + 40));
}

function isQuote(character: string | undefined): boolean {
  return character !== undefined && quotes.has(character);
}

export function skipHorizontalSpace(text: string, position: number): number {
  let index = position;
  while (text[index] === " " || text[index] === "\t") index += 1;
  return index;
}

/** Reads `"…"`, `'…'`, `` `…` ``, curly quotes, or `\"…\"` (a quoted string inside a string), on one line. */
function readQuotedValue(text: string, position: number): ValueSpan | undefined {
  let open = text[position] ?? "";
  let start = position + 1;
  let escaped = false;
  if (open === "\\" && (text[position + 1] === '"' || text[position + 1] === "'")) {
    escaped = true;
    open = text[position + 1] ?? "";
    start = position + 2;
  } else if (!quotes.has(open)) {
    return undefined;
  }
  const close = closingQuote[open] ?? open;
  const limit = Math.min(text.length, start + 1024);
  for (let index = start; index < limit; index += 1) {
    const character = text[index];
    if (character === "\n") return undefined;
    if (escaped) {
      if (character === "\\" && text[index + 1] === close) return { start, end: index, quoted: true };
      continue;
    }
    if (character === "\\") {
      index += 1;
      continue;
    }
    if (character === close) return { start, end: index, quoted: true };
  }
  return undefined;
}

function readUnquotedValue(text: string, position: number): ValueSpan | undefined {
  const limit = Math.min(text.length, position + 256);
  let end = position;
  while (end < limit && !endsValue(text, end)) end += 1;
  // A value that runs on past any plausible length is not one value.
  if (end === limit && end < text.length) return undefined;
  // A full stop or a comma that ends the sentence belongs to the prose around the value.
  while (end > position && (text[end - 1] === "." || text[end - 1] === ":")) end -= 1;
  if (end === position) return undefined;
  return { start: position, end, quoted: false };
}

export function startsQuotedValue(text: string, position: number): boolean {
  const character = text[position];
  return isQuote(character) || (character === "\\" && (text[position + 1] === '"' || text[position + 1] === "'"));
}

/** A quoted or an unquoted value starting at `position`. */
export function readValue(text: string, position: number): ValueSpan | undefined {
  return startsQuotedValue(text, position) ? readQuotedValue(text, position) : readUnquotedValue(text, position);
}
