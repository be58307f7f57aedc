import type { Candidate, TextAnalysis } from "./text-analysis.js";

/** "ZIP: 3520", "my zip code is 12345", "PLZ 10115", "postcode SW1A 1AA". */
export function findPostcodesInContext(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /\b(?:zip(?:\s*code)?|post(?:al)?\s*code|postcode|plz|postleitzahl|code\s+postal|c[oó]digo\s+postal|cap|postnummer|postinumero|postnr)\b\s*(?:is|:|#|no\.?|number|=)?\s*([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4}\s?[A-Z]{2}\b|\d{3,5}(?:-\d{3,4})?)\b/gi;
  for (const match of analysis.text.matchAll(pattern)) {
    const value = match[1] as string;
    // A labelled postcode is one even in a form or a config file.
    const start = match.index + match[0].length - value.length;
    found.push({ start, end: start + value.length, type: "LOCATION", score: 0.85 });
  }
  return found;
}
