import type { TextAnalysis } from "./text-analysis.js";

// How a word no list knows can still look like a name.

/**
 * A capitalised word in no list that reads like a name: title case, three letters or more,
 * no letter written three times running ("YASSSS", "Sooo").
 */
export function looksLikeProperNoun(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  return token !== undefined && token.shape === "title" && token.text.length >= 3 && !/(\p{L})\1\1/u.test(token.lower);
}

/** A short word in capitals beside title-case words is an acronym: "My IBAN", "Jira API". */
export function isAcronymAmongWords(analysis: TextAnalysis, index: number, indices: number[]): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.shape !== "upper" || token.text.length > 4) return false;
  return indices.some((other) => analysis.token(other)?.shape === "title");
}
