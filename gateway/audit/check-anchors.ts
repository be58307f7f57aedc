import type { HeadFileState } from "./head-file.js";
import type { KeychainHead } from "./keychain-anchor.js";
import { headStatement } from "./signed-statements.js";
import { importPublicKey, verifyStatement } from "./signing-key.js";

/** Something wrong between the trail and one of its anchors. Also the body of an incident record. */
export interface AnchorFinding {
  type: "anchor_missing" | "anchor_unreadable" | "anchor_of_other_chain" | "anchor_signature_invalid" | "anchor_ahead" | "anchor_mismatch";
  anchor: "file" | "keychain";
  /** What the anchor says, where it could be read. */
  anchored: { chainId: string; seq: number; hash: string; at: string } | null;
  tail: { seq: number; hash: string };
}

export interface AnchorCheckInput {
  chainId: string;
  /** The chain's public key (base64 SPKI), which must have signed the head file. */
  publicKey: string;
  tail: { seq: number; hash: string };
  hashAt: (seq: number) => string | undefined;
  file: HeadFileState;
  /** Undefined when the chain keeps no keychain anchor or it could not be read. */
  keychain: KeychainHead | undefined;
}

/**
 * Does the stored trail reach what its anchors last saw? An anchor ahead of the tail means
 * records were removed from the end; one whose record differs means the trail was replaced
 * from that point. A trail may be ahead of its anchors (a crash between the commit and the
 * head write, or the keychain's coalesced writes): that is not a finding.
 */
export function checkAnchors(input: AnchorCheckInput): AnchorFinding[] {
  const findings: AnchorFinding[] = [];
  const { tail } = input;
  const file = input.file;
  if (file.state === "missing") {
    if (tail.seq > 0) findings.push({ type: "anchor_missing", anchor: "file", anchored: null, tail });
  } else if (file.state === "unreadable") {
    findings.push({ type: "anchor_unreadable", anchor: "file", anchored: null, tail });
  } else {
    const { head } = file;
    const anchored = { chainId: head.chainId, seq: head.seq, hash: head.hash, at: head.signedAt };
    if (head.chainId !== input.chainId) {
      findings.push({ type: "anchor_of_other_chain", anchor: "file", anchored, tail });
    } else if (!verifyStatement(importPublicKey(input.publicKey), headStatement(head), head.signature)) {
      findings.push({ type: "anchor_signature_invalid", anchor: "file", anchored, tail });
    } else {
      const finding = compare("file", anchored, input);
      if (finding) findings.push(finding);
    }
  }
  if (input.keychain) {
    const finding = compare("keychain", { chainId: input.chainId, ...input.keychain }, input);
    if (finding) findings.push(finding);
  }
  return findings;
}

function compare(anchor: "file" | "keychain", anchored: NonNullable<AnchorFinding["anchored"]>, input: AnchorCheckInput): AnchorFinding | undefined {
  if (anchored.seq > input.tail.seq) return { type: "anchor_ahead", anchor, anchored, tail: input.tail };
  if (anchored.seq > 0 && input.hashAt(anchored.seq) !== anchored.hash) return { type: "anchor_mismatch", anchor, anchored, tail: input.tail };
  return undefined;
}

/** One sentence for `audit verify` and the logs. */
export function describeAnchorFinding(finding: AnchorFinding): string {
  const where = finding.anchor === "file" ? "the signed head file (audit-head.json)" : "the OS keychain's copy of the head";
  const anchored = finding.anchored;
  switch (finding.type) {
    case "anchor_missing":
      return `${where} is missing although the trail has ${finding.tail.seq} records, so records removed from the end could not be told`;
    case "anchor_unreadable":
      return `${where} cannot be read`;
    case "anchor_of_other_chain":
      return `${where} belongs to another trail (chain ${anchored?.chainId}, ${anchored?.seq} records): the trail it anchored was replaced`;
    case "anchor_signature_invalid":
      return `${where} is not signed by this trail's key: it was written by something else`;
    case "anchor_ahead":
      return `the trail ends at record ${finding.tail.seq}, but ${where} says record ${anchored?.seq} existed (at ${anchored?.at}): records were removed from the end`;
    case "anchor_mismatch":
      return `record ${anchored?.seq} is not the one ${where} anchored (at ${anchored?.at}): the trail was replaced from there on`;
  }
}
