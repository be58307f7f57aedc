/**
 * Text as a detector should read it: invisible characters (zero-width, bidi controls, tag
 * characters, variation selectors) removed; look-alike letters (Cyrillic and Greek homoglyphs,
 * full-width forms) mapped to ASCII; and escapes decoded (`\u0040`, `\x40`, `%40`, `&#64;`,
 * `&commat;`). Someone hiding `ada@example.com` as `аda\u0040exam\u200bple.com` must not get it
 * past detection. Each normalized character remembers the stretch of the original it came from.
 */
export interface NormalizedText {
  text: string;
  /** Start, in the original text, of each normalized character's source; one extra entry for the end. */
  originalIndex: Int32Array;
  /** End (exclusive), in the original text, of each normalized character's source. */
  originalEnd: Int32Array;
}

const invisible = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;

// Letters that render like ASCII ones; only those a reader would take for the ASCII letter.
const homoglyphs: Record<string, string> = {
  "а": "a", "А": "A", "в": "B", "В": "B", "е": "e", "Е": "E", "ё": "e", "к": "k", "К": "K", "м": "M", "М": "M",
  "н": "H", "Н": "H", "о": "o", "О": "O", "р": "p", "Р": "P", "с": "c", "С": "C", "т": "T", "Т": "T", "у": "y",
  "У": "Y", "х": "x", "Х": "X", "і": "i", "І": "I", "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S", "ԁ": "d", "ɡ": "g",
  "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "ο": "o",
  "Ρ": "P", "ρ": "p", "Τ": "T", "Υ": "Y", "Χ": "X", "ν": "v", "ι": "i",
  "＠": "@", "．": ".", "｡": ".", "․": ".", "‧": ".",
};

const namedEntities: Record<string, string> = {
  "&commat;": "@", "&period;": ".", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'",
  "&colon;": ":", "&sol;": "/", "&lowbar;": "_", "&hyphen;": "-", "&dash;": "-", "&plus;": "+", "&equals;": "=",
};

// Escapes worth decoding; a text with none of them and no character above U+00AC is left as is.
const escape = /\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|&#x[0-9a-fA-F]{1,6};|&#[0-9]{1,7};|&[a-z]{2,8};/y;
const anyEscape = /\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|&#x?[0-9a-fA-F]{1,7};|&[a-z]{2,8};/;

function decodeEscape(token: string): string | undefined {
  let code: number;
  if (token.startsWith("\\u")) code = Number.parseInt(token.slice(2), 16);
  else if (token.startsWith("\\x") || token.startsWith("%")) code = Number.parseInt(token.slice(token.startsWith("%") ? 1 : 2), 16);
  else if (token.startsWith("&#x")) code = Number.parseInt(token.slice(3, -1), 16);
  else if (token.startsWith("&#")) code = Number.parseInt(token.slice(2, -1), 10);
  else return namedEntities[token];
  // Only printable characters: a decoded control byte or a surrogate half is not hidden text.
  if (!Number.isInteger(code) || code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  // Percent-decoding only ASCII: `%C3%A9` style bytes are rare in hidden values and costly to get right.
  if (token.startsWith("%") && code > 0x7e) return undefined;
  return String.fromCodePoint(code);
}

function needsNormalizing(text: string): boolean {
  if (anyEscape.test(text)) return true;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) >= 0x00ad) return true;
  }
  return false;
}

/** Undefined when the text holds nothing to normalize (the common case, kept cheap). */
/** The plain ASCII letter a look-alike or full-width character stands for; the character itself otherwise. */
function visibleForm(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return homoglyphs[character] ?? (codePoint >= 0xff01 && codePoint <= 0xff5e ? String.fromCharCode(codePoint - 0xfee0) : character);
}

export function normalizeForDetection(text: string): NormalizedText | undefined {
  if (!needsNormalizing(text)) return undefined;
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let changed = false;
  const emit = (piece: string, start: number, end: number): void => {
    for (let offset = 0; offset < piece.length; offset++) {
      starts.push(start);
      ends.push(end);
    }
    normalized += piece;
  };
  let index = 0;
  while (index < text.length) {
    const first = text[index] as string;
    if (first === "\\" || first === "%" || first === "&") {
      escape.lastIndex = index;
      const match = escape.exec(text);
      const decoded = match ? decodeEscape(match[0]) : undefined;
      if (match && decoded !== undefined) {
        // An escaped character is judged like a literal one: `\u200b` hides as well as U+200B does.
        for (const character of decoded) {
          if (!invisible.test(character)) emit(visibleForm(character), index, index + match[0].length);
        }
        index += match[0].length;
        changed = true;
        continue;
      }
    }
    const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
    const width = character.length;
    if (invisible.test(character)) {
      changed = true;
    } else {
      const visible = visibleForm(character);
      if (visible !== character) changed = true;
      emit(visible, index, index + width);
    }
    index += width;
  }
  if (!changed) return undefined;
  starts.push(text.length);
  return { text: normalized, originalIndex: Int32Array.from(starts), originalEnd: Int32Array.from(ends) };
}
