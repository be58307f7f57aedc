import { isIPv6 } from "node:net";
import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { ipv4AddressKind, ipv6AddressKind, scoreByKind } from "./ip-address-ranges.js";

const detectorId = "ip-address-v1";

const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// Four octets, not part of a longer dotted run (an OID, a five-part version).
const ipv4Pattern = new RegExp(String.raw`(?<![\p{L}\p{N}_.])${octet}(?:\.${octet}){3}(?![\p{L}\p{N}_]|\.\p{N})`, "gu");
// Hex groups and colons, optionally ending in a dotted quad; node:net decides what is valid.
// Each group ends at a colon, so there is one way to read a candidate.
const ipv6Pattern = /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{1,4}|(?=:))(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?:%[A-Za-z0-9]+)?(?![\p{L}\p{N}_:])/gu;
// The dotted tail of an IPv6 address (::ffff:192.0.2.128) belongs to the IPv6 finding.
const ipv6Before = /(?:^|[^0-9A-Za-z])(?:[0-9A-Fa-f]{0,4}:){2,}$/;
// A four-part version or object identifier looks like an address: "version 1.2.3.4",
// "Chrome/120.0.6099.109", "OID 1.3.101.110".
const versionBefore = /(?:\bv|version|ver\.?|release|build|oid|[A-Za-z]\/)\s?$/i;

function ipv4Findings(text: string, findings: Finding[]): void {
  for (const match of text.matchAll(ipv4Pattern)) {
    if (versionBefore.test(text.slice(Math.max(0, match.index - 10), match.index))) continue;
    if (text[match.index - 1] === ":" && ipv6Before.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const kind = ipv4AddressKind(match[0].split(".").map(Number));
    if (kind === "not-an-identifier") continue;
    findings.push(createFinding(match.index, match.index + match[0].length, "IP_ADDRESS", scoreByKind[kind], detectorId));
  }
}

function ipv6Findings(text: string, findings: Finding[]): void {
  for (const match of text.matchAll(ipv6Pattern)) {
    const address = match[0].replace(/%.*$/, "");
    // MAC addresses and times share the colon notation but are not IPv6 ("12:30:45" needs "::").
    if (!isIPv6(address)) continue;
    // Slices and scope operators compress to "::" too ("a[1::2]"); a real address has more hex.
    if (address.includes("::") && address.replace(/[^0-9A-Fa-f]/g, "").length < 5) continue;
    const kind = ipv6AddressKind(address);
    if (kind === "not-an-identifier") continue;
    findings.push(createFinding(match.index, match.index + match[0].length, "IP_ADDRESS", scoreByKind[kind], detectorId));
  }
}

export const ipAddressDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (text.includes(".")) ipv4Findings(text, findings);
    if (text.includes(":")) ipv6Findings(text, findings);
    return findings;
  },
};
