import type { ValidationIssue } from "../../../shared/admin-api.js";

/** The gateway's messages for one field, shown under it and tied to it for screen readers. */
export function FieldIssues({ id, issues }: { id: string; issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues" id={id} role="alert">
      {issues.map((issue, index) => (
        <li key={index}>{issue.message}</li>
      ))}
    </ul>
  );
}

/** Issues whose path ends with the field name (`providers[2].baseUrl` → `baseUrl`). */
export function issuesFor(issues: readonly ValidationIssue[], field: string): ValidationIssue[] {
  return issues.filter((issue) => issue.path === field || issue.path.endsWith(`.${field}`) || issue.path.includes(`.${field}.`) || issue.path.includes(`.${field}[`));
}
