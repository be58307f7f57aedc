import { createHash } from "node:crypto";

/** What one record's hash covers: everything stored about it except the copies kept for queries. */
export interface RecordLink {
  chainId: string;
  seq: number;
  kind: RecordKind;
  recordedAt: string;
  prevHash: string;
  /** The record's canonical JSON text, exactly as stored. */
  body: string;
}

/** `request`: a request's receipt. `incident`: something the gateway found wrong with the trail itself. */
export type RecordKind = "request" | "incident";

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The `prev_hash` of record 1: binds the chain to its id, so records cannot move between chains. */
export function genesisHash(chainId: string): string {
  return sha256Hex(`privacy-router audit genesis v1\n${chainId}`);
}

/**
 * SHA-256 over the record's fields, one per line, the body last (it is the only field that may
 * hold a line break, and JSON escapes those). A verifier in any language rebuilds this string.
 */
export function recordHash(link: RecordLink): string {
  return sha256Hex(`privacy-router audit record v1\n${link.chainId}\n${link.seq}\n${link.kind}\n${link.recordedAt}\n${link.prevHash}\n${link.body}`);
}

export function contentHash(text: string): string {
  return sha256Hex(text);
}
