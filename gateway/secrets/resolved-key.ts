import { inspect } from "node:util";

export type KeySource = "environment" | "keychain";

export interface ResolvedKey {
  readonly value: string;
  readonly source: KeySource;
  /** The origin a keychain key was set for; `undefined` for environment keys and older bare entries. */
  readonly boundOrigin: string | undefined;
}

/**
 * A key with its source. The value sits in a private field behind a getter, so logging the
 * object, `JSON.stringify` or a template string show the source and never the key: one more
 * guard behind "keys never reach a log".
 */
class ProviderKey implements ResolvedKey {
  readonly source: KeySource;
  readonly boundOrigin: string | undefined;
  readonly #value: string;

  constructor(value: string, source: KeySource, boundOrigin: string | undefined) {
    this.#value = value;
    this.source = source;
    this.boundOrigin = boundOrigin;
  }

  get value(): string {
    return this.#value;
  }

  toJSON(): { source: KeySource; boundOrigin?: string } {
    return this.boundOrigin === undefined ? { source: this.source } : { source: this.source, boundOrigin: this.boundOrigin };
  }

  toString(): string {
    return `[provider key from ${this.source}]`;
  }

  [inspect.custom](): string {
    return `ResolvedKey { source: '${this.source}', value: [redacted] }`;
  }
}

export function createResolvedKey(value: string, source: KeySource, boundOrigin?: string): ResolvedKey {
  return new ProviderKey(value, source, boundOrigin);
}
