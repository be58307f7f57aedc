/**
 * The raw text of a custom (freeform) tool call, from the JSON arguments the model wrote for
 * the function that stands for it: `{"input": "..."}` gives its string. A model that wrote
 * something else still gets its call through, as faithfully as can be: the one string value of
 * an object with another key, or else the arguments text itself; `exact` is false then.
 */
export function customToolInput(argumentsText: string): { input: string; exact: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(argumentsText);
  } catch {
    return { input: argumentsText, exact: false };
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
    const entries = Object.entries(parsed);
    const [only] = entries;
    if (entries.length === 1 && only && typeof only[1] === "string") return { input: only[1], exact: only[0] === "input" };
    const input = (parsed as Record<string, unknown>).input;
    if (typeof input === "string") return { input, exact: false };
  }
  if (typeof parsed === "string") return { input: parsed, exact: false };
  return { input: argumentsText, exact: false };
}
