import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file whether it runs from source or from dist/bench/. */
export function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(directory, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "privacy-router") return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error("the benchmark could not find the repository root (package.json of privacy-router)");
    directory = parent;
  }
}
