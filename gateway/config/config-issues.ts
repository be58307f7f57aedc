import { isMap, LineCounter, parseDocument, type Document } from "yaml";
import type { ValidationIssue } from "../../shared/admin-api.js";
import { formatIssuePath } from "../../shared/issue-path.js";
import { configSchema } from "./config-schema.js";

/**
 * Every problem with a config.yaml text, each naming its field as the file spells it
 * (`policy.classes.health`) and, where the field is in the text, its line: what the UI shows
 * beside the editor. The same schema the loader uses decides; an empty list means
 * `parseConfigText` accepts the text.
 */
export function configIssues(text: string): ValidationIssue[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      path: "",
      message: `not valid YAML: ${error.message.split("\n", 1)[0] ?? "syntax error"}`,
      line: lineCounter.linePos(error.pos[0]).line,
    }));
  }
  const raw: unknown = document.toJS() ?? {};
  const result = configSchema.safeParse(raw);
  const issues: ValidationIssue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          issues.push(withLine({ path: formatIssuePath(path), message: `unknown key \`${key}\`` }, document, lineCounter, path, true));
        }
        continue;
      }
      issues.push(withLine({ path: formatIssuePath(issue.path), message: issue.message }, document, lineCounter, issue.path, false));
    }
    return issues;
  }
  const seen = new Map<string, number>();
  result.data.providers.forEach((provider, index) => {
    if (seen.has(provider.id)) {
      const path = ["providers", index, "id"];
      issues.push(withLine({ path: formatIssuePath(path), message: `\`${provider.id}\` is used twice` }, document, lineCounter, path, false));
    }
    seen.set(provider.id, index);
  });
  return issues;
}

/** The line of `path` in the text, or of its nearest parent that is there (a missing field's parent). */
export function lineOf(document: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>, atKey: boolean): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const keys = path.slice(0, length) as Array<string | number>;
    if (atKey && length === path.length && length > 0) {
      // An unknown key: point at the key itself, not at its value.
      const parent = document.getIn(keys.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === keys[keys.length - 1]);
        const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
        if (range) return lineCounter.linePos(range[0]).line;
      }
      continue;
    }
    const node = length === 0 ? document.contents : document.getIn(keys, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

function withLine(issue: ValidationIssue, document: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>, atKey: boolean): ValidationIssue {
  const line = lineOf(document, lineCounter, path, atKey);
  return line === undefined ? issue : { ...issue, line };
}
