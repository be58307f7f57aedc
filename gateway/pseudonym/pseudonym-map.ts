import type { FindingType } from "../../shared/findings.js";
import { formatPlaceholder } from "./placeholder.js";

/**
 * The mapping for one request's conversation. It is rebuilt from the request itself, in order
 * of first appearance, so the same value gets the same placeholder on every turn of a
 * conversation (clients resend the history) without any table shared between requests or clients.
 */
export class PseudonymMap {
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, string>();
  readonly #nextIndex = new Map<string, number>();
  readonly #reserved: (placeholder: string) => boolean;

  /** `reserved` says whether a placeholder already occurs literally in the request, so it is never reused. */
  constructor(reserved: (placeholder: string) => boolean = () => false) {
    this.#reserved = reserved;
  }

  placeholderFor(type: FindingType, value: string): string {
    const key = `${type}\u0000${value}`;
    const existing = this.#byValue.get(key);
    if (existing) return existing;
    let index = this.#nextIndex.get(type) ?? 1;
    let placeholder = formatPlaceholder(type, index);
    while (this.#reserved(placeholder)) placeholder = formatPlaceholder(type, ++index);
    this.#nextIndex.set(type, index + 1);
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
}
