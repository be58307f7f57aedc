import type { TextAnalysis } from "./text-analysis.js";

/** Cue phrases indexed by their last word, so most tokens are ruled out by one map lookup. */
export interface PhraseList {
  byLastWord: ReadonlyMap<string, readonly (readonly string[])[]>;
}

export function compilePhrases(phrases: readonly (readonly string[])[]): PhraseList {
  const byLastWord = new Map<string, Array<readonly string[]>>();
  for (const phrase of phrases) {
    const last = phrase[phrase.length - 1];
    if (last === undefined) continue;
    const list = byLastWord.get(last) ?? [];
    list.push(phrase);
    byLastWord.set(last, list);
  }
  return { byLastWord };
}

/**
 * Whether the words just before token `index` are one of the phrases. Words are compared in
 * lower case, with an apostrophe glued to the short word after it, so the tokenised "name ' s"
 * and "I ' m" of social-media text read as "name 's" and "i 'm", like the cue lists.
 */
export function followsPhrase(analysis: TextAnalysis, index: number, phrases: PhraseList): boolean {
  const words = analysis.cueWords();
  const position = analysis.cuePosition(index);
  const last = words[position - 1];
  if (last === undefined) return false;
  const candidates = phrases.byLastWord.get(last);
  if (candidates === undefined) return false;
  for (const phrase of candidates) {
    if (phrase.length > position) continue;
    let matches = true;
    for (let offset = 2; offset <= phrase.length; offset++) {
      if (phrase[phrase.length - offset] !== words[position - offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return true;
  }
  return false;
}

/** The lower-case words just before token `index`, nearest last, at most `count`. */
export function wordsBefore(analysis: TextAnalysis, index: number, count: number): string[] {
  const position = analysis.cuePosition(index);
  return analysis.cueWords().slice(Math.max(0, position - count), position);
}
