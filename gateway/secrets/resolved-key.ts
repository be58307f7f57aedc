import { inspect } from "node:util";

export type KeySource = "environment" | "keychain";

export interface ResolvedKey {
  readonly value: string;
  readonly source: KeySource;
}

/**
 * A key with its source. The value sits in a private field behind a getter, so logging the
 * object, `JSON.stringify` or a template string show the source and never the key: one more
 * guard behind "keys never reach a log".
 */
class ProviderKey implements ResolvedKey {
  readonly source: KeySource;
  readonly #value: string;

  constructor(value: string, source: KeySource) {
    this.#value = value;
    this.source = source;
  }

  get value(): string {
    return this.#value;
  }

  toJSON(): { source: KeySource } {
    return { source: this.source };
  }

  toString(): string {
    return `[provider key from ${this.source}]`;
  }

  [inspect.custom](): string {
    return `ResolvedKey { source: '${this.source}', value: [redacted] }`;
  }
}

export function createResolvedKey(value: string, source: KeySource): ResolvedKey {
  return new ProviderKey(value, source);
}
