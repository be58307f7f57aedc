/**
 * Names that say which provider's key they hold, for providers whose key has one documented
 * shape. A value of another shape under such a name is not that key (a hash, a truncated
 * paste, a different identifier), so the name alone does not make it a secret.
 */
const typedNames: ReadonlyArray<{ words: readonly string[]; shape: RegExp }> = [
  // AWS secret access keys are always 40 characters of base64.
  { words: ["aws", "secret"], shape: /^[A-Za-z0-9/+]{40}$/ },
  // Twitch stream keys: `live_`, the channel number, and the random part.
  { words: ["twitch", "stream"], shape: /^live_\d+_[A-Za-z0-9]{20,}$/ },
];

/**
 * `true` or `false` when the name (given as its lower-case words) is typed and the value does or
 * does not fit; `undefined` otherwise.
 */
export function matchesTypedName(segments: readonly string[], value: string): boolean | undefined {
  const typed = typedNames.find(({ words }) => words.every((word) => segments.includes(word)));
  return typed ? typed.shape.test(value) : undefined;
}
