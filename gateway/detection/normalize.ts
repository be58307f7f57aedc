/**
 * Text as a detector should read it: zero-width and other invisible format characters removed,
 * and look-alike letters (Cyrillic and Greek homoglyphs, full-width forms) mapped to ASCII.
 * Someone hiding `ada@example.com` as `аda@exam\u200bple.com` must not get it past detection.
 */
export interface NormalizedText {
  text: string;
  /** Index in the original text of each normalized index; one extra entry for the end. */
  originalIndex: Int32Array;
}

const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

// Letters that render like ASCII ones; only those a reader would take for the ASCII letter.
const homoglyphs: Record<string, string> = {
  "а": "a", "А": "A", "в": "B", "В": "B", "е": "e", "Е": "E", "ё": "e", "к": "k", "К": "K", "м": "M", "М": "M",
  "н": "H", "Н": "H", "о": "o", "О": "O", "р": "p", "Р": "P", "с": "c", "С": "C", "т": "T", "Т": "T", "у": "y",
  "У": "Y", "х": "x", "Х": "X", "і": "i", "І": "I", "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S", "ԁ": "d", "ɡ": "g",
  "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "ο": "o",
  "Ρ": "P", "ρ": "p", "Τ": "T", "Υ": "Y", "Χ": "X", "ν": "v", "ι": "i",
  "＠": "@", "．": ".", "｡": ".", "․": ".", "‧": ".",
};

/** Undefined when the text holds nothing to normalize (the common case, kept cheap). */
export function normalizeForDetection(text: string): NormalizedText | undefined {
  let changed = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x00ad) continue;
    const character = text[index] as string;
    if (invisible.test(character) || homoglyphs[character] !== undefined || (code >= 0xff01 && code <= 0xff5e)) {
      changed = true;
      break;
    }
  }
  if (!changed) return undefined;

  let normalized = "";
  const originalIndex: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    const code = character.charCodeAt(0);
    if (invisible.test(character)) continue;
    const mapped = homoglyphs[character] ?? (code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : character);
    normalized += mapped;
    originalIndex.push(index);
  }
  originalIndex.push(text.length);
  return { text: normalized, originalIndex: Int32Array.from(originalIndex) };
}
