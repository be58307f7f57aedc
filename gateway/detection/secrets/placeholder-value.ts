/**
 * Values that stand for a secret instead of being one: template and environment references,
 * bracketed slots, masks, and the words documentation puts where the real key belongs.
 */

// `$VAR`, `${VAR}`, `$(command)`, `%VAR%`, `{{ var }}`, `<%= var %>`, `#{var}`, `@{var}`, `%(name)s`.
const templateReference = /\$\{|\{\{|\$\(|<%|#\{|@\{|%\([A-Za-z_]+\)[sd]/;
const leadingVariable = /^\$[A-Za-z_{(]/;
const percentVariable = /^%[A-Za-z_][A-Za-z0-9_]*%$/;
const atVariable = /^@[A-Za-z_][A-Za-z0-9_]*@$/;
const bracketedSlot = /^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|\([^()]*\))$/;
const escapedAngleSlot = /^&lt;.*&gt;$/;
const maskRun = /[xX]{4,}|\*{3,}|#{3,}|\.{3,}|_{4,}|•{3,}|…/;
const placeholderFragments = /changeme|changeit|replaceme|placeholder|redacted|example|dummy|notset|notreal|fillme|yourown|goeshere/;
const instructionPrefix = /^(?:your|enter(?:your|the|an?)|insert(?:your|the|an?)|replace(?:with)?(?:your|the|an?)|paste(?:your|the|an?)|put(?:your|the|an?)|add(?:your|the|an?)|fill(?:in)?(?:your|the|an?))/;

const placeholderWords = new Set([
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "blank",
  "todo",
  "tbd",
  "fixme",
  "na",
  "foo",
  "bar",
  "foobar",
  "baz",
  "qux",
  "value",
  "string",
  "secretvalue",
  "token",
  "tokenvalue",
  "apikey",
  "accesskey",
  "accesstoken",
  "secretkey",
  "privatekey",
  "authtoken",
  "bearertoken",
  "key",
  "mytoken",
  "mykey",
  "myapikey",
  "mysecretkey",
]);

/**
 * A key of a known format written with a mask where its random part belongs (`xoxb-xxxx…`,
 * `AKIA****`, `…-000000000000`). `A` may repeat: it is base64 for zero bits, and real tokens
 * carry runs of it (Twitter bearer tokens start with twenty-two).
 */
export function isMaskedValue(value: string): boolean {
  return maskRun.test(value) || /([0-9a-zB-Z])\1{11,}/.test(value);
}

export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (leadingVariable.test(trimmed) || percentVariable.test(trimmed) || atVariable.test(trimmed)) return true;
  if (bracketedSlot.test(trimmed) || escapedAngleSlot.test(trimmed) || templateReference.test(trimmed)) return true;
  if (maskRun.test(trimmed)) return true;
  const normalized = trimmed.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (normalized.length === 0) return true;
  // `aaaaaaaa`, `0000-0000`, `abababab`: two distinct symbols carry no secret.
  if (trimmed.length >= 4 && new Set(normalized).size <= 2) return true;
  if (placeholderWords.has(normalized)) return true;
  if (placeholderFragments.test(normalized) || instructionPrefix.test(normalized)) return true;
  return normalized.length > 4 && normalized.endsWith("here");
}
