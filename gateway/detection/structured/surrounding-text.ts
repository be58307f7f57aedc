// Context checks look at a bounded window beside a candidate, never the whole text, so their
// cost stays per candidate and a keyword far away cannot vouch for a number.

/** The lower-cased text just before `start`, at most `length` characters. */
export function textBefore(text: string, start: number, length: number): string {
  return text.slice(Math.max(0, start - length), start).toLowerCase();
}

/** The lower-cased text just after `end`, at most `length` characters. */
export function textAfter(text: string, end: number, length: number): string {
  return text.slice(end, end + length).toLowerCase();
}

/** Where the last match of a global pattern ends in `window`, or -1: the nearest keyword wins. */
export function lastMatchEnd(window: string, pattern: RegExp): number {
  let end = -1;
  for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
