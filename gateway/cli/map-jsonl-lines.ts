import type { Writable } from "node:stream";
import { z } from "zod";
import { writeLine } from "./cli-io.js";

const jsonlLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

export type JsonlRecord = z.infer<typeof jsonlLine>;

/**
 * Batch mode of `scan` and `explain`: reads lines `{"id","text"}`, writes one JSON line per
 * record, and reports (and skips) lines that are not such records. Returns the exit status:
 * 0 when every line was read, 1 otherwise.
 */
export function mapJsonlLines(text: string, output: { stdout: Writable; stderr: Writable }, answer: (record: JsonlRecord) => unknown): number {
  let failures = 0;
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let record: JsonlRecord;
    try {
      record = jsonlLine.parse(JSON.parse(line));
    } catch {
      failures++;
      writeLine(output.stderr, `privacy-router: line ${index + 1} is not {"id","text"} JSON; skipped`);
      return;
    }
    writeLine(output.stdout, JSON.stringify(answer(record)));
  });
  return failures === 0 ? 0 : 1;
}
