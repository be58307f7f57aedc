import type { Readable, Writable } from "node:stream";

/** What a CLI command may touch of the outside world; tests hand in their own streams. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
