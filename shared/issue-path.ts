/** `["messages", 0, "content"]` → `messages[0].content`: how a validation message names a field. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}
