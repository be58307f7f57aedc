/**
 * Lower-cases the text keeping every index where it was, so that keyword prefilters can search
 * the folded text and report offsets into the original. `toLowerCase` keeps the length for
 * every character but `İ` (U+0130), which becomes two code units; it is folded to `i` first.
 */
export function foldCase(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  const folded = text.replace(/\u0130/g, "i").toLowerCase();
  if (folded.length === text.length) return folded;
  // Not expected with today's Unicode tables; kept so offsets can never drift.
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
