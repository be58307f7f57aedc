/**
 * The texts the audit key signs. Each starts with its own label, so a signature made for one
 * purpose can never be presented as another (a record's signature is not a head's).
 */

/** A record: its hash, which covers the whole chain before it. */
export function recordStatement(hash: string): string {
  return `privacy-router audit record signature v1\n${hash}`;
}

export interface HeadFields {
  chainId: string;
  seq: number;
  hash: string;
  signedAt: string;
}

/** The head: "this chain had at least `seq` records, the last with this hash", at a time. */
export function headStatement(head: HeadFields): string {
  return `privacy-router audit head v1\n${head.chainId}\n${head.seq}\n${head.hash}\n${head.signedAt}`;
}

export interface ExportSealFields {
  chainId: string;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  headSeq: number;
  headHash: string;
  exportedAt: string;
}

/** The end of an export: how many records it holds and where the chain stood, so no line can be dropped unseen. */
export function exportSealStatement(seal: ExportSealFields): string {
  return [
    "privacy-router audit export v1",
    seal.chainId,
    String(seal.count),
    String(seal.firstSeq ?? "-"),
    String(seal.lastSeq ?? "-"),
    seal.lastHash ?? "-",
    String(seal.headSeq),
    seal.headHash,
    seal.exportedAt,
  ].join("\n");
}
