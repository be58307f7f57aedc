/** One kind of national identifier: how it looks, how it is checked, and the words that name it. */
export interface NationalIdentifierRule {
  readonly name: string;
  /** A global pattern of candidates (see boundedPattern); the whole match is the span. */
  readonly pattern: RegExp;
  /** The checksum and structure check; a candidate that fails it is never reported. */
  readonly isValid: (candidate: string) => boolean;
  /** Words naming the identifier, looked for just before the candidate (not global: used with test). */
  readonly context: RegExp;
  /**
   * The score without a context word (a function: some shapes count alone only when formatted),
   * or null when the shape is too common to report without its keyword.
   */
  readonly scoreWithoutContext: ((candidate: string) => number | null) | null;
  readonly scoreWithContext: number;
}

/** Reported only when a context word names it. */
export const onlyInContext = null;

/** Reported on its own at this score: its shape and checksum are distinctive enough. */
export function reportedAlone(score: number): (candidate: string) => number | null {
  return () => score;
}
