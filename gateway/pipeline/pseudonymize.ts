import type { FindingType } from "../../shared/findings.js";
import { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import type { Classification } from "./classify.js";
import type { Extraction } from "./extract.js";

export interface Pseudonymization {
  map: PseudonymMap;
  /** Occurrences replaced (the `x-privacy-router-redactions` header). */
  replacements: number;
}

/**
 * Replaces findings in place with their placeholders (all of them, or those of `types`). Run
 * only on a request bound for the cloud.
 */
export function pseudonymize(
  extraction: Extraction,
  classification: Classification,
  options: { types?: ReadonlySet<FindingType>; conversationKey?: Buffer } = {},
): Pseudonymization {
  const { types } = options;
  const allText = extraction.slots.map((slot) => slot.get()).join("\u0000");
  const map = new PseudonymMap({
    reserved: (placeholder) => allText.includes(placeholder),
    ...(options.conversationKey ? { conversationKey: options.conversationKey } : {}),
  });
  let replacements = 0;
  for (const { slot, findings } of classification.slots) {
    const text = slot.get();
    if (slot.kind === "name" && findings.some((finding) => !types || types.has(finding.type))) {
      slot.set("");
      replacements++;
      continue;
    }
    let result = "";
    let cursor = 0;
    for (const finding of findings) {
      if (types && !types.has(finding.type)) continue;
      const raw = text.slice(finding.start, finding.end);
      const value = slot.kind === "json" ? decodeJsonStringFragment(raw) : raw;
      result += text.slice(cursor, finding.start) + map.placeholderFor(finding.type, value);
      cursor = finding.end;
      replacements++;
    }
    slot.set(result + text.slice(cursor));
  }
  return { map, replacements };
}

/** A value found inside JSON text is stored unescaped, so it restores correctly into prose and into JSON. */
function decodeJsonStringFragment(raw: string): string {
  try {
    const decoded: unknown = JSON.parse(`"${raw}"`);
    return typeof decoded === "string" ? decoded : raw;
  } catch {
    return raw;
  }
}
