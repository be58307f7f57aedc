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
      const [start, end] = slot.kind === "json" ? outsideJsonEscapes(text, finding.start, finding.end) : [finding.start, finding.end];
      const raw = text.slice(start, end);
      const value = slot.kind === "json" ? decodeJsonStringFragment(raw) : raw;
      result += text.slice(cursor, start) + map.placeholderFor(finding.type, value);
      cursor = end;
      replacements++;
    }
    slot.set(result + text.slice(cursor));
  }
  return { map, replacements };
}

/**
 * A finding in JSON text may begin inside an escape (`\n+ada@example.org` reads as the address
 * `n+ada@example.org`) or end inside one: replacing it there would leave a lone backslash and
 * break the JSON. The span is narrowed to whole characters; one made only of an escape keeps
 * its backslash, so the value is still replaced.
 */
function outsideJsonEscapes(text: string, start: number, end: number): [number, number] {
  let from = start;
  for (let back = 1; back <= 5 && back <= start; back++) {
    const escape = text.slice(start - back, start);
    if (/^\\(u[0-9a-fA-F]{0,3})?$/.test(escape) && escapes(text, start - back)) {
      const unicode = escape[1] === "u" || (escape === "\\" && text[start] === "u");
      from = start - back + (unicode ? 6 : 2);
      break;
    }
  }
  let to = end;
  const open = /(?:^|[^\\])(?:\\\\)*(\\(?:u[0-9a-fA-F]{0,3})?)$/.exec(text.slice(from, end));
  if (open?.[1]) to = end - open[1].length;
  return to > from ? [from, to] : [start > 0 && text[start - 1] === "\\" ? start - 1 : start, end];
}

/** Whether the backslash at `index` begins an escape (an even number of backslashes before it). */
function escapes(text: string, index: number): boolean {
  let before = 0;
  while (index - before - 1 >= 0 && text[index - before - 1] === "\\") before++;
  return before % 2 === 0;
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
