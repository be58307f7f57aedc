import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";

/** The text of FILE, or of standard input for `-` or no file. */
export async function readInput(file: string | undefined, stdin: Readable): Promise<string> {
  if (file !== undefined && file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
