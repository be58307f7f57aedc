import { skipHorizontalSpace, startsQuotedValue } from "./assigned-value.js";

/** What sits between a name and its value, and what it tells about the value. */
export interface Assignment {
  /** Where the value starts (after the operator and any blank). */
  valueStart: number;
  operator: string;
  /** `KEY=value` written without blanks, or a `;`/`&`-separated list: the value is a literal, never a variable. */
  literal: boolean;
}

// Longest first, so `===` is not read as `==` and `:=` not as `:`.
const operators = [":=", "=>", "===", "!==", "==", "!=", "?=", "||=", "||", "??", "=", ":", ","];
// These only join a name to a value when the value is a quoted literal: `env('KEY', 'value')`,
// `process.env.KEY || 'value'`.
const quotedOnly = new Set(["||", "??", ","]);

/**
 * Reads the operator after a name that ends at `nameEnd`: the closing quote of a quoted name,
 * an index bracket, blanks, then `=`, `:`, `=>`, a comparison, or a default. A value on the
 * next line is accepted after `:` or `=` when it is quoted (YAML and JSON written long-hand).
 */
export function readAssignment(text: string, nameStart: number, nameEnd: number): Assignment | undefined {
  let position = nameEnd;
  const opener = text[nameStart - 1];
  let quotedName = false;
  if ((opener === '"' || opener === "'" || opener === "`") && text[position] === opener) {
    if (text[nameStart - 2] === "\\" && text[position - 1] === "\\") return undefined;
    position += 1;
    quotedName = true;
  } else if (opener === '"' && text[nameStart - 2] === "\\" && text[position] === "\\" && text[position + 1] === '"') {
    position += 2;
    quotedName = true;
  }
  if (text[position] === "]") position += 1;
  const beforeBlank = position;
  position = skipHorizontalSpace(text, position);
  const operator = operators.find((candidate) => text.startsWith(candidate, position));
  if (!operator) return undefined;
  if (operator === ":" && (text[position + 1] === ":" || text[position + 1] === "/")) return undefined;
  // `ft:model:openai:name`: a name inside a colon-separated path is not a key; nor is a word
  // that opens a string and is glued to a path after its colon (`"github:owner/repo"`), while a
  // header written the same way (`'Jenkins-Crumb:4405…'`) is.
  if (operator === ":" && text[nameStart - 1] === ":") return undefined;
  if (operator === ":" && !quotedName && /["'`]/.test(opener ?? "") && /^[^\s"'`]+\//.test(text.slice(position + 1, position + 200))) {
    return undefined;
  }
  // `env('API_KEY', 'value')`, `('x-api-key', 'value')`: a quoted identifier, then its value. A
  // plain word in a list or an argument list (`"walk", "pass"`, `scrypt('password', 'salt')`) is
  // not a name.
  if (operator === "," && !(quotedName && /[_.-]|[a-z][A-Z]/.test(text.slice(nameStart, nameEnd)))) return undefined;
  const afterOperator = position + operator.length;
  let valueStart = skipHorizontalSpace(text, afterOperator);
  if ((operator === ":" || operator === "=") && (text[valueStart] === "\n" || text[valueStart] === "\r")) {
    let next = valueStart;
    while (next < text.length && /\s/.test(text[next] ?? "")) next += 1;
    if (!startsQuotedValue(text, next)) return undefined;
    valueStart = next;
  }
  if (quotedOnly.has(operator) && !startsQuotedValue(text, valueStart)) return undefined;
  const separator = text[nameStart - 1];
  const literal =
    (operator === "=" && beforeBlank === position && valueStart === afterOperator) ||
    separator === ";" ||
    separator === "&" ||
    separator === "?";
  return { valueStart, operator, literal };
}
