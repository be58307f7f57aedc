import type { Detector } from "./detector.js";

/** Texts up to this length are remembered when they came out clean. */
export const longestRememberedText = 256;
const remembered = 1024;

/**
 * Short texts found clean, per detector list. The same short strings are scanned again and
 * again on every request (JSON keys and model names in the egress re-scan, model names and
 * routing reasons in the receipt), and each full scan costs tens of microseconds. Detectors
 * keep no state between calls, so a text clean once is clean again for the same list. Only
 * clean texts are kept: no value a detector flags stays in memory because of this.
 */
export class CleanShortTexts {
  readonly #byDetectors = new WeakMap<readonly Detector[], Set<string>>();

  has(text: string, detectors: readonly Detector[]): boolean {
    return text.length <= longestRememberedText && this.#byDetectors.get(detectors)?.has(text) === true;
  }

  add(text: string, detectors: readonly Detector[]): void {
    if (text.length > longestRememberedText) return;
    let texts = this.#byDetectors.get(detectors);
    if (texts === undefined) {
      texts = new Set();
      this.#byDetectors.set(detectors, texts);
    }
    // Bounded: a client sending ever new short texts only ever costs a fresh start.
    if (texts.size >= remembered) texts.clear();
    texts.add(text);
  }
}
