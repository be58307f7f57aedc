import { isIPv6 } from "node:net";
import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { isLikelyBareDomain, isNonIdentifyingHost, isPublicHostname, isSharedServiceEndpoint } from "./domain-name-rules.js";

const detectorId = "url-v1";

const schemeUrlPattern =
  /\b(?:https?|ftps?|sftp|ssh|wss?|git|svn|rtsp|smb|ldaps?|s3|gs|file|mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z]+):\/\/[^\s<>"'`{}|\\^]+/giu;
// "www." names a web host even without a scheme.
const webHostPattern = /(?<![\p{L}\p{N}_.@/\\-])www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#][^\s<>"'`{}|\\^]*)?/giu;
const webHostLiteral = /www\./iu;
// name.tld with optional port and path; not after a dot, "@", a slash, "%" (URL-encoded text) or
// an identifier character, and not the first labels of a longer dotted token ("dp.pt.Xy12…").
const bareDomainPattern =
  /(?<![\p{L}\p{N}_.@/\\$#:%-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{2,5})?(?:\/[^\s<>"'`{}|\\^]*)?(?![\p{L}\p{N}_@(=-]|\.[\p{L}\p{N}])/giu;

// Credentials and bearer material carried in a query or fragment.
const tokenParameterPattern =
  /[?&#;](?:access[_-]?token|id[_-]?token|refresh[_-]?token|token|api[_-]?key|apikey|key|secret|client[_-]?secret|password|passwd|pwd|pass|auth|authorization|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|session(?:id)?|sid|code|jwt|private[_-]?token)=[^&#\s]{6,}/i;

// Connection strings chain settings after a URL: "https://x.azconfig.io;Id=…;Secret=…".
const chainedSetting = /;[A-Za-z][\w-]*=/;

/**
 * Drops sentence punctuation and unbalanced closing brackets that prose puts right after a URL,
 * and the settings a connection string chains after it (before any query).
 */
function trimUrlEnd(url: string): string {
  const setting = chainedSetting.exec(url);
  const query = url.indexOf("?");
  if (setting !== null && (query < 0 || setting.index < query)) url = url.slice(0, setting.index);
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? "";
    if (/[.,;:!?'"*]/.test(last)) end--;
    else if (last === ")" || last === "]") {
      const opening = last === ")" ? "(" : "[";
      const body = url.slice(0, end);
      if (body.split(opening).length >= body.split(last).length) break;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

function hostOf(url: string): { host: string; hasUserinfo: boolean } {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.:-]*:\/\//i, "");
  const authority = afterScheme.split(/[/?#]/, 1)[0] ?? "";
  const at = authority.lastIndexOf("@");
  const hostAndPort = at >= 0 ? authority.slice(at + 1) : authority;
  const host = hostAndPort.startsWith("[") ? hostAndPort.slice(0, hostAndPort.indexOf("]") + 1) : (hostAndPort.split(":", 1)[0] ?? "");
  return { host, hasUserinfo: at >= 0 };
}

/**
 * URLs and domain names. Credentials in a URL (userinfo, a token in the query) score highest;
 * loopback and example hosts are left alone unless they carry credentials; bare names must pass
 * the public suffix list and the file-name/code filters (domain-name-rules).
 */
export const urlDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes(".") && !text.includes("://")) return findings;
    // Which characters a URL already covers, so a later pass does not report a piece of it again;
    // a mask keeps that check constant-time however many URLs the text holds.
    const covered = new Uint8Array(text.length);
    const add = (start: number, end: number, score: number): void => {
      findings.push(createFinding(start, end, "URL", score, detectorId));
      covered.fill(1, start, end);
    };
    const isCovered = (start: number): boolean => covered[start] === 1;

    for (const pattern of [schemeUrlPattern, webHostPattern]) {
      // Each needs its literal ("://", "www."): prose without one skips a pass over every word.
      if (!(pattern === schemeUrlPattern ? text.includes("://") : webHostLiteral.test(text))) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (isCovered(match.index)) continue;
        const url = trimUrlEnd(match[0]);
        // Go on right after the trimmed URL: what was cut off may hold the next one.
        pattern.lastIndex = match.index + Math.max(1, url.length);
        const { host, hasUserinfo } = hostOf(url);
        const carriesCredentials = hasUserinfo || tokenParameterPattern.test(url);
        if (carriesCredentials) add(match.index, match.index + url.length, 0.97);
        else if (!isPlausibleHost(host) || isNonIdentifyingHost(host) || isSharedServiceEndpoint(host, afterAuthority(url))) continue;
        else if (pattern === webHostPattern && !isPublicHostname(host)) continue;
        else add(match.index, match.index + url.length, isPublicHostname(host) ? 0.8 : 0.6);
      }
    }
    for (const match of text.matchAll(bareDomainPattern)) {
      if (isCovered(match.index)) continue;
      const url = trimUrlEnd(match[0]);
      const host = url.split(/[/:]/, 1)[0] ?? "";
      if (isNonIdentifyingHost(host) || hasCapitalizedTopLevel(host)) continue;
      if (isSharedServiceEndpoint(host, url.slice(host.length).replace(/^:\d+/, ""))) continue;
      // With a path it is a URL whose scheme was left out; alone it must look like a site.
      const isUrl = url.includes("/") ? isPublicHostname(host) : isLikelyBareDomain(host);
      if (isUrl) add(match.index, match.index + url.length, tokenParameterPattern.test(url) ? 0.97 : 0.6);
    }
    return findings;
  },
};

/** What follows the authority: the path, query and fragment. */
function afterAuthority(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.:-]*:\/\//i, "");
  const end = afterScheme.search(/[/?#]/);
  return end < 0 ? "" : afterScheme.slice(end);
}

/** A real host name or address, not a template or regex fragment ("http://$", "https://[A-Z…]*"); one-label hosts need three characters ("http://x" is a placeholder). */
function isPlausibleHost(host: string): boolean {
  if (host.startsWith("[")) return isIPv6(host.slice(1, -1));
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?$/u.test(host)) return false;
  return host.includes(".") || host.length >= 3;
}

/** "it.It", "here.So": a sentence glued to the next one, not a domain ("EXAMPLE.COM" is fine). */
function hasCapitalizedTopLevel(host: string): boolean {
  const topLevel = host.slice(host.lastIndexOf(".") + 1);
  return topLevel !== topLevel.toLowerCase() && host !== host.toUpperCase();
}
