import { createHmac } from "node:crypto";
import type { FindingType } from "../../shared/findings.js";
import { formatPlaceholder } from "./placeholder.js";

export interface PseudonymMapOptions {
  /**
   * The conversation's key. With it, a value's number comes from a keyed hash: the same in
   * every turn of a conversation, unrelated across conversations and clients, and the same
   * after a restart. Without it (tests), values are numbered 1, 2, 3… in order of appearance.
   */
  conversationKey?: Buffer;
  /** Whether a placeholder already occurs literally in the request, so it is never reused. */
  reserved?: (placeholder: string) => boolean;
}

const firstKeyedNumber = 1000;
const keyedNumbers = 9000;

/**
 * The mapping for one request's conversation, rebuilt from the request itself: no table is
 * shared between requests or clients, and nothing is kept after the request ends.
 */
export class PseudonymMap {
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, string>();
  readonly #nextIndex = new Map<string, number>();
  readonly #options: PseudonymMapOptions;

  constructor(options: PseudonymMapOptions = {}) {
    this.#options = options;
  }

  placeholderFor(type: FindingType, value: string): string {
    const key = `${type}\u0000${value}`;
    const existing = this.#byValue.get(key);
    if (existing) return existing;
    let index = this.#startIndex(type, key);
    let placeholder = formatPlaceholder(type, index);
    // Values meet in order of first appearance, and history only grows, so a collision is
    // resolved the same way on every turn.
    while (this.#byPlaceholder.has(placeholder) || this.#options.reserved?.(placeholder)) {
      index = this.#following(index);
      placeholder = formatPlaceholder(type, index);
    }
    if (!this.#options.conversationKey) this.#nextIndex.set(type, index + 1);
    this.#byValue.set(key, placeholder);
    this.#byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  originalFor(placeholder: string): string | undefined {
    return this.#byPlaceholder.get(placeholder);
  }

  get size(): number {
    return this.#byPlaceholder.size;
  }

  #startIndex(type: FindingType, key: string): number {
    const conversationKey = this.#options.conversationKey;
    if (!conversationKey) return this.#nextIndex.get(type) ?? 1;
    return firstKeyedNumber + (createHmac("sha256", conversationKey).update(key).digest().readUInt32BE(0) % keyedNumbers);
  }

  #following(index: number): number {
    if (!this.#options.conversationKey) return index + 1;
    return index + 1 >= firstKeyedNumber + keyedNumbers ? firstKeyedNumber : index + 1;
  }
}
