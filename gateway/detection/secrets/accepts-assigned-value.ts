import { skipHorizontalSpace, type ValueSpan } from "./assigned-value.js";
import { isBasicCredential } from "./basic-credential.js";
import type { Assignment } from "./assignment-operator.js";
import { isCodeReference } from "./code-reference.js";
import { hasCountingSequence } from "./counting-sequence.js";
import { linePrefix } from "./line-prefix.js";
import type { SecretNameKind } from "./secret-name.js";
import { matchesTypedName } from "./typed-name.js";
import { looksLikePassword, looksLikeSecretToken, looksLikeStrongToken } from "./value-shape.js";

function normalized(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A name that announces a credential, and how its value was written. */
export interface AssignmentCandidate {
  name: string;
  /** The name's lower-case words. */
  segments: readonly string[];
  kind: SecretNameKind;
  /** Undefined when blanks alone separate name and value (a flag's argument, netrc). */
  assignment: Assignment | undefined;
  /** Words written before the name with blanks (`secret key: …`) qualify it, as in prose. */
  spaced: boolean;
}

/**
 * Whether the value written after a credential name is a credential: not code, not a label or a
 * slot, and of the shape the name calls for (any chosen word for a password, a machine-made
 * token for a token, a long random token for a name that only hints).
 */
export function acceptsAssignedValue(text: string, value: ValueSpan, candidate: AssignmentCandidate): boolean {
  const raw = text.slice(value.start, value.end);
  // Concatenation (`" + name + "`) and padding never start or end a literal secret.
  if (value.quoted && /^\s|\s$|^\+|\+$/.test(raw)) return false;
  if (matchesTypedName(candidate.segments, raw) === false) return false;
  // Without an operator (a flag's argument, netrc) nothing but a literal can follow the name.
  const literal = candidate.assignment?.literal ?? true;
  if (!value.quoted) {
    const next = text[value.end];
    if (next === "(" || next === "[") return false;
    // `password = args => …`: a function, not a value.
    if (text.startsWith("=>", skipHorizontalSpace(text, value.end))) return false;
    if (isCodeReference(raw, literal, linePrefix(text, value.start))) return false;
    // `pseudonymSecret: Buffer;`, `token: AccessToken | undefined`: a declared type.
    if (!literal && /^[A-Z][A-Za-z0-9]*$/.test(raw) && /^[ \t]*[;|<[]/.test(text.slice(value.end, value.end + 4))) return false;
  }
  // A value that only repeats its name is a label or a slot: `"password": "Password"`.
  const segments = candidate.segments;
  const bare = normalized(raw);
  if (bare === normalized(candidate.name) || bare === segments[segments.length - 1]) return false;
  // `PASSWORD=${DB_PASSWORD}`: a template cut short at its brace.
  if (!value.quoted && raw.endsWith("$")) return false;
  switch (candidate.kind) {
    case "password": {
      if (!looksLikePassword(raw)) return false;
      // A long value under a password name is a key; a typed-in run there is an example.
      if (raw.length >= 16 && hasCountingSequence(raw)) return false;
      // `secret` alone also names a category or a setting (`secret: "public"`, `secret: true`):
      // under it a plain lower-case word is not a credential.
      if (/^secrets?$/i.test(candidate.name) && /^[a-z]+(?:[-_][a-z]+)*$/.test(raw)) return false;
      // So does a bare `pass` in code (a test result, a loop keyword): a plain word there is not a
      // password, unless the syntax makes it a literal (`;Pwd=word;`).
      if (!literal && /^(?:pass|pwd|pw)$/i.test(candidate.name) && /^[a-z]+$/i.test(raw)) return false;
      // Prose such as `Password: required` or `secret key: another`: a label, then a plain word.
      const prose = candidate.spaced || /^[A-Za-z][a-z]*$/.test(candidate.name);
      if (prose && candidate.assignment?.operator === ":" && !value.quoted && /^[A-Za-z]+$/.test(raw)) return false;
      return true;
    }
    // Machine-made tokens carry `=` only as base64 padding at the end; `A=B` inside is another assignment.
    // A base64 `user:password` pair (Docker's `"auth": "…"`) is a credential whatever its length.
    case "token":
      return isBasicCredential(raw) || (!/=[^=]/.test(raw) && looksLikeSecretToken(raw, value.quoted ? 8 : 10));
    case "hint":
      return !/=[^=]/.test(raw) && looksLikeStrongToken(raw);
  }
}

