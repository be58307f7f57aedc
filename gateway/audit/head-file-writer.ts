import { rename, renameSync, writeFile, writeFileSync } from "node:fs";
import { headFilePath, type SignedHead } from "./head-file.js";
import type { HeadFields } from "./signed-statements.js";

let temporaryCounter = 0;

/**
 * Keeps the head file up to date without holding up requests. Replacing a file by rename makes
 * ext4 flush it, about a millisecond a time: too much per request, so writes run off the
 * request path, one at a time, each with the newest head, signed when it is written. Under load
 * many appends share one write; the file is never ahead of the database (each head is taken
 * after its record committed), only at most one write behind it, which `checkAnchors` accepts.
 */
export class HeadFileWriter {
  readonly #dataDir: string;
  readonly #sign: (fields: HeadFields) => SignedHead;
  readonly #onProblem: (reason: string) => void;
  #pending: HeadFields | undefined;
  #writing: Promise<void> | undefined;

  constructor(options: { dataDir: string; sign: (fields: HeadFields) => SignedHead; onProblem: (reason: string) => void }) {
    this.#dataDir = options.dataDir;
    this.#sign = options.sign;
    this.#onProblem = options.onProblem;
  }

  /**
   * Writes the head at once, waiting for the disk: at start-up, so the file exists from the
   * trail's first moment and a missing file can only mean a deleted one.
   */
  writeNow(fields: HeadFields): void {
    const path = headFilePath(this.#dataDir);
    const temporary = `${path}.${process.pid}.${(temporaryCounter += 1)}.tmp`;
    writeFileSync(temporary, this.#text(fields), { mode: 0o600 });
    renameSync(temporary, path);
  }

  advance(fields: HeadFields): void {
    this.#pending = fields;
    this.#writing ??= this.#drain();
  }

  /** Waits until the newest head is on disk. */
  async flush(): Promise<void> {
    while (this.#writing !== undefined) await this.#writing;
  }

  #text(fields: HeadFields): string {
    return `${JSON.stringify({ format: "privacy-router-audit-head", version: 1, ...this.#sign(fields) })}\n`;
  }

  async #drain(): Promise<void> {
    try {
      // Signing and writing wait one turn of the event loop: the append that called `advance`
      // is on its request's path, and the answer goes out first. The file is as far behind as
      // before: its write had not reached the disk at this point either.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#pending !== undefined) {
        const text = this.#text(this.#pending);
        this.#pending = undefined;
        const path = headFilePath(this.#dataDir);
        // A name of its own per write: two writers (a test reopening a trail) never share a temporary file.
        const temporary = `${path}.${process.pid}.${(temporaryCounter += 1)}.tmp`;
        try {
          await replaceFile(temporary, path, text);
        } catch (error) {
          // The records are safely stored; the next append writes the head again.
          this.#onProblem((error as NodeJS.ErrnoException).code ?? "unknown");
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }
}

/**
 * Writes `text` to `temporary`, then renames it over `path`. The callback API: this runs after
 * every append, and the promise API's file handles cost about twice the CPU for the same calls.
 */
function replaceFile(temporary: string, path: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    writeFile(temporary, text, { mode: 0o600 }, (writeError) => {
      if (writeError) return reject(writeError);
      rename(temporary, path, (renameError) => (renameError ? reject(renameError) : resolve()));
    });
  });
}
