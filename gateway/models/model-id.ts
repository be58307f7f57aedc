import { isAbsolute, relative, resolve } from "node:path";
import { GatewayError } from "../../shared/errors.js";

/** Catalogue ids name files in the models folder, so only plain lower-case names pass. */
const modelIdPattern = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** True for an id that can safely become a file name: no separators, no `..`, no upper case. */
export function isSafeModelId(id: string): boolean {
  return modelIdPattern.test(id) && !id.includes("..");
}

/** The 400 an unusable id gets, before it reaches any path. */
export function unsafeModelIdError(): GatewayError {
  return new GatewayError("invalid_request", {
    message: "A model id is lower-case letters, digits, `.`, `_` and `-` (no `..`, at most 128 characters). `privacy-router models list` shows the ids.",
  });
}

export function assertSafeModelId(id: string): void {
  if (!isSafeModelId(id)) throw unsafeModelIdError();
}

/**
 * `<directory>/<fileName>`, refused unless it resolves to a direct child of the folder: a second
 * line of defence behind the id check, for every path built from an id or a manifest entry.
 */
export function pathInside(directory: string, fileName: string): string {
  const base = resolve(directory);
  const path = resolve(base, fileName);
  const inside = relative(base, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside) || /[\\/]/.test(inside)) {
    throw new GatewayError("invalid_request", { message: "That model file name points outside the models folder; it was refused." });
  }
  return path;
}
