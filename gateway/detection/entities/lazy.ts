/**
 * A value built on first use and kept: gazetteers cost tens of milliseconds to build, and a
 * gateway that never sees free text should not pay for them.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** Splits a whitespace-separated word list written in source into lower-case entries. */
export function wordSet(...lists: string[]): Set<string> {
  const set = new Set<string>();
  for (const list of lists) {
    for (const word of list.split(/\s+/)) if (word) set.add(word.toLowerCase());
  }
  return set;
}
