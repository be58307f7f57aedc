function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Finds which of many keywords occur in a text in one pass. One alternation (longest first) is
 * several times faster than a substring search per keyword, for short texts and long ones.
 * Stepping one character after each hit finds overlapping keywords; a keyword found also
 * reports every keyword contained in it (`sk_live` reports `sk`).
 */
export class KeywordSet {
  readonly #pattern: RegExp;
  readonly #contained = new Map<string, readonly string[]>();

  constructor(keywords: Iterable<string>) {
    const unique = [...new Set(keywords)].filter((keyword) => keyword.length > 0).sort((a, b) => b.length - a.length);
    this.#pattern = new RegExp(unique.map(escapeForPattern).join("|"), "g");
    for (const keyword of unique) this.#contained.set(keyword, unique.filter((other) => keyword.includes(other)));
  }

  /** The keywords present in `folded` (text already lower-cased). */
  presentIn(folded: string): Set<string> {
    const present = new Set<string>();
    const pattern = new RegExp(this.#pattern);
    for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
      if (!present.has(match[0])) for (const keyword of this.#contained.get(match[0]) ?? []) present.add(keyword);
      pattern.lastIndex = match.index + 1;
    }
    return present;
  }
}
