import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HeadFields } from "./signed-statements.js";

/**
 * The signed head: the last record's number and hash, kept outside the database and rewritten
 * after appends (see head-file-writer.ts), so a trail cut short (its last records deleted) no longer reaches its
 * anchor. It is signed, so it cannot be rewritten to fit a shorter trail without the key.
 */
export const headFileName = "audit-head.json";

export interface SignedHead extends HeadFields {
  signature: string;
}

export type HeadFileState = { state: "missing" } | { state: "unreadable"; reason: string } | { state: "present"; head: SignedHead };

export function headFilePath(dataDir: string): string {
  return join(dataDir, headFileName);
}

export function readHeadFile(dataDir: string): HeadFileState {
  let text: string;
  try {
    text = readFileSync(headFilePath(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "missing" };
    return { state: "unreadable", reason: (error as NodeJS.ErrnoException).code ?? "unreadable" };
  }
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { chainId, seq, hash, signedAt, signature } = value;
    if (value.format !== "privacy-router-audit-head" || typeof chainId !== "string" || typeof seq !== "number" || typeof hash !== "string" || typeof signedAt !== "string" || typeof signature !== "string") {
      return { state: "unreadable", reason: "not a head file" };
    }
    return { state: "present", head: { chainId, seq, hash, signedAt, signature } };
  } catch {
    return { state: "unreadable", reason: "not JSON" };
  }
}
