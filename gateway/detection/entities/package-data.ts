import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// Detection is synchronous, so the word lists that ship inside npm packages are read with
// `require` (JSON files and the packages' own loaders) the first time a lexicon is needed.
const requireFromHere = createRequire(import.meta.url);

/** Loads a module or JSON file from an installed package; the one place that touches node_modules data. */
export function loadPackageData<T>(specifier: string): T {
  return requireFromHere(specifier) as T;
}

/**
 * Reads a JSON file from an installed package without keeping it in the module cache: the
 * lexicons keep their own compact copy, and a second one would only cost memory.
 */
export function readPackageJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(requireFromHere.resolve(specifier), "utf8")) as T;
}

/** The absolute path of a file inside an installed package, for plain-text word lists. */
export function resolvePackageFile(specifier: string): string {
  return requireFromHere.resolve(specifier);
}

/**
 * A file beside one a package exports, for packages whose `exports` map names only some of
 * their files (cspell's dictionaries export their settings, not their word lists).
 */
export function resolveFileBeside(exportedSpecifier: string, relativePath: string): string {
  return join(dirname(requireFromHere.resolve(exportedSpecifier)), relativePath);
}
