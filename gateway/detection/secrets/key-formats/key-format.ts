/**
 * One provider's key format. The pattern needs a distinctive prefix or structure, so code,
 * hashes and UUIDs do not trip it; `keywords` (lower-case) gate it, so a text without any of
 * them never runs it. A format without keywords always runs: its pattern starts with a literal
 * the engine searches for quickly, or its shape has no fixed part (`.`, `-` and `!` occur in
 * every text, and searching for them as keywords costs more than the pattern itself). A named group `secret` marks the key inside a longer match. Where the
 * distinctive part comes late in the key (`…AZDO…`, `…NRAL`), the pattern starts with that part
 * and a look-behind checks what precedes it, its named group `head` marking where the key
 * starts: the engine then searches for the literal instead of trying every position.
 */
export interface KeyFormat {
  id: string;
  keywords: readonly string[];
  pattern: RegExp;
  validate?: (value: string) => boolean;
}

/** Not preceded by a letter, digit or underscore: the key starts a token. */
export const tokenStart = String.raw`(?<![A-Za-z0-9_])`;
/** Not followed by a letter, digit or underscore: the key ends a token. */
export const tokenEnd = String.raw`(?![A-Za-z0-9_])`;
/** As `tokenEnd`, for formats whose alphabet has `-`. */
export const tokenEndWithDash = String.raw`(?![A-Za-z0-9_-])`;

export function keyFormat(id: string, keywords: readonly string[], source: string, validate?: (value: string) => boolean): KeyFormat {
  // `d` gives group offsets, so a `secret` group inside a longer match maps back to the text.
  const pattern = new RegExp(source, "gd");
  return validate ? { id, keywords, pattern, validate } : { id, keywords, pattern };
}
