/**
 * The text between the start of the line and `position`, looking back at most `limit`
 * characters: callers only read the start of a line, and an unbounded search back on a text
 * without line breaks would make every lookup cost the whole text.
 */
export function linePrefix(text: string, position: number, limit = 256): string {
  const from = Math.max(0, position - limit);
  const window = text.slice(from, position);
  return window.slice(window.lastIndexOf("\n") + 1);
}
