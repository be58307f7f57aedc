import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { isNonIdentifyingHost } from "./domain-name-rules.js";

const detectorId = "email-v2";

// The local part and domain of the common subset of RFC 5322 (and RFC 6531 letters) that real
// addresses use. The top-level domain must be letters, so `user@10.0.0.1` and `pkg@1.2.3` are
// left to other detectors. The look-behind refuses starts inside a local part, keeping it linear.
const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.\p{L})/gu;

// Addresses written to dodge scrapers: "jane.doe [at] example [dot] com", "jane(at)example.org".
const obfuscatedEmailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63} ?[[({<] ?at ?[\])}>] ?[\p{L}\p{N}-]{1,63}(?:(?: ?[[({<] ?dot ?[\])}>] ?|\.)[\p{L}\p{N}-]{1,63})*(?: ?[[({<] ?dot ?[\])}>] ?|\.)\p{L}{2,24}(?![\p{L}\p{N}-])/giu;

// Image assets at a pixel density ("logo@2x.png") look like addresses.
const assetExtensions = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "avif", "heic", "pdf"]);

export const emailDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (text.includes("@")) {
      for (const match of text.matchAll(emailPattern)) {
        const address = match[0];
        const end = match.index + address.length;
        const topLevel = address.slice(address.lastIndexOf(".") + 1).toLowerCase();
        if (assetExtensions.has(topLevel)) continue;
        // `git@github.com:org/repo.git` is an SSH remote, not a person's mailbox.
        if (address.startsWith("git@") && text[end] === ":") continue;
        // Reserved example domains hold no real mailbox, but the local part may still be a name.
        const reserved = isNonIdentifyingHost(address.slice(address.lastIndexOf("@") + 1));
        findings.push(createFinding(match.index, end, "EMAIL", reserved ? 0.6 : 0.95, detectorId));
      }
    }
    if (/[[({<] ?at ?[\])}>]/i.test(text)) {
      for (const match of text.matchAll(obfuscatedEmailPattern)) {
        findings.push(createFinding(match.index, match.index + match[0].length, "EMAIL", 0.85, detectorId));
      }
    }
    return findings;
  },
};
