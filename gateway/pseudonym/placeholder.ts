/**
 * Placeholders look like `[EMAIL_1]`: an unambiguous start (`[` followed by an upper-case
 * type), a bounded length, and nothing a JSON string needs to escape, so they survive inside
 * tool-call arguments and can be held back safely while streaming.
 */
export const placeholderMaxLength = 40;

export const placeholderPattern = /\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_[0-9]{1,6})\]/g;

/** Could `tail` (which starts with `[`) still grow into a placeholder? */
export function isPlaceholderPrefix(tail: string): boolean {
  return tail.length < placeholderMaxLength && /^\[(?:[A-Z][A-Z0-9_]*)?$/.test(tail);
}

export function formatPlaceholder(type: string, index: number): string {
  return `[${type}_${index}]`;
}
