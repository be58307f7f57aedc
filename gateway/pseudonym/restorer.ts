import { isPlaceholderPrefix, placeholderPattern } from "./placeholder.js";
import type { PseudonymMap } from "./pseudonym-map.js";

/**
 * Restores placeholders in one stream of text (the message content, or one tool call's
 * arguments) while it streams. A possible placeholder at the end of what has arrived is held
 * back, at most `placeholderMaxLength` characters, until it completes or cannot; `flush`
 * releases what is held at stream end, so nothing is lost.
 */
export class Restorer {
  readonly #map: PseudonymMap;
  readonly #encode: (value: string) => string;
  #pending = "";
  /** Placeholder-shaped text that is not in the map: a placeholder the model mangled or invented. */
  unknownPlaceholders = 0;
  restored = 0;

  /** `json`: the text is JSON (tool-call arguments), so restored values are JSON-string escaped. */
  constructor(map: PseudonymMap, mode: "text" | "json" = "text") {
    this.#map = map;
    this.#encode = mode === "json" ? (value) => JSON.stringify(value).slice(1, -1) : (value) => value;
  }

  push(chunk: string): string {
    this.#pending += chunk;
    const holdFrom = this.#holdStart();
    const ready = this.#pending.slice(0, holdFrom);
    this.#pending = this.#pending.slice(holdFrom);
    return this.#replace(ready);
  }

  flush(): string {
    const rest = this.#replace(this.#pending);
    this.#pending = "";
    return rest;
  }

  #holdStart(): number {
    const start = this.#pending.lastIndexOf("[");
    if (start === -1) return this.#pending.length;
    return isPlaceholderPrefix(this.#pending.slice(start)) ? start : this.#pending.length;
  }

  #replace(text: string): string {
    if (!text.includes("[")) return text;
    return text.replace(placeholderPattern, (placeholder) => {
      const original = this.#map.originalFor(placeholder);
      if (original === undefined) {
        this.unknownPlaceholders++;
        return placeholder;
      }
      this.restored++;
      return this.#encode(original);
    });
  }
}
