import { parse } from "tldts";

// Country codes that are also file extensions (setup.py, README.md, lib.rs, main.cc, run.sh …):
// a bare "name.py" is a file far more often than a Paraguayan site.
const fileExtensionCountryCodes = new Set(["py", "sh", "md", "rs", "pl", "cc", "so", "ps", "ml", "pm", "mk", "am", "ac", "tf", "gs", "cr", "rb", "hs", "ts", "js", "cs", "ex", "el", "jl", "mm", "ms", "as", "sc", "vc", "ai", "id"]);

// Generic top-level domains that names in code rarely end with. Others (.fit, .show, .style …)
// collide with member access (model.fit, plt.show) and count only with a scheme, "www." or a path.
const webGenericDomains = new Set(["com", "net", "org", "edu", "gov", "mil", "int", "biz", "dev", "xyz", "site", "tech", "blog", "shop", "cloud"]);

// Top-level domains that are also member names or English words (token.name, logger.info,
// entry.at, x.is, obj.to): a bare name under them counts only when its label has a hyphen or a
// digit, which member names rarely do and brand names often do. With a scheme, "www." or a
// path they always count.
const memberLikeTopLevelDomains = new Set([
  "info", "name", "me", "tv", "co", "ai", "app", "link", "email", "online", "store", "live", "news",
  "at", "as", "be", "by", "do", "id", "in", "is", "it", "my", "no", "so", "to", "us", "ms", "mm", "fm", "io",
]);

// Receivers that `x.y` member access starts with in the languages our users paste.
const codeReceivers = new Set([
  "self", "this", "cls", "super", "os", "sys", "np", "pd", "df", "plt", "tf", "torch", "nn", "req", "res", "request", "response",
  "ctx", "context", "obj", "object", "item", "items", "user", "users", "data", "config", "console", "window", "document",
  "module", "exports", "math", "json", "logger", "log", "logging", "app", "event", "err", "error", "props", "state", "args",
  "kwargs", "result", "results", "settings", "options", "opts", "params", "model", "db", "client", "server", "process",
  "path", "file", "fs", "util", "utils", "string", "str", "array", "list", "dict", "node", "el", "element", "root", "parent",
  "child", "target", "value", "values", "key", "keys", "test", "tests", "spec", "main", "index", "package", "setup", "src",
  "lib", "assert", "expect", "router", "schema", "task", "job", "api", "core", "base", "common", "helpers", "models", "views",
]);

// The fictitious companies of Microsoft's documentation and samples: their names fill the
// example URLs and connection strings of Azure, .NET and Office docs the way example.com does
// elsewhere, and no real party answers at them.
const documentationCompanyNames = new Set([
  "contoso", "fabrikam", "northwindtraders", "adventure-works", "adventureworks", "wingtiptoys", "tailspintoys",
  "woodgrovebank", "litwareinc", "proseware", "wideworldimporters", "fourthcoffee", "alpineskihouse", "margiestravel",
]);

/**
 * Hosts that name no third party: loopback, unspecified, the reserved example domains (RFC
 * 2606, 6761) and the documentation companies above (`ai.contoso.com`, `contoso.azconfig.io`).
 */
export function isNonIdentifyingHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (lower === "localhost" || lower.endsWith(".localhost") || lower === "0.0.0.0" || lower === "::1" || lower === "::") return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  if (/(?:^|\.)example\.(?:com|net|org)$/.test(lower)) return true;
  if (/\.(?:example|test|invalid)$/.test(lower) || lower === "example") return true;
  // Azure names the customer in a label of its own domains: `contoso.azconfig.io`, `contoso.vault.azure.net`.
  return lower.includes(".") && lower.split(".").some((label) => documentationCompanyNames.has(label));
}

// Endpoints that every customer of a cloud service shares: `s3.amazonaws.com`,
// `s3.us-east-2.amazonaws.com`, `sts.amazonaws.com`, `storage.googleapis.com`. A bucket or an
// account makes the host its own (`acme-logs.s3.amazonaws.com`, `acme.blob.core.windows.net`).
const awsRegion = String.raw`(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)`;
const sharedServiceHost = new RegExp(
  String.raw`^(?:[a-z][a-z0-9]*(?:[.-](?:dualstack\.)?${awsRegion})?\.amazonaws\.com(?:\.cn)?|(?:storage|www|oauth2|accounts|content|iam|sts|compute|bigquery|pubsub)\.googleapis\.com|storage\.cloud\.google\.com|login\.microsoftonline\.com|graph\.microsoft\.com|management\.azure\.com)$`,
);

/**
 * A URL that names nothing but a cloud service's shared endpoint (`https://s3.amazonaws.com/`,
 * `storage.googleapis.com`): it tells nothing about the user. With a path it may name a bucket
 * (`s3.amazonaws.com/acme-logs`), and then it counts.
 */
export function isSharedServiceEndpoint(host: string, rest: string): boolean {
  return (rest === "" || rest === "/") && sharedServiceHost.test(host.toLowerCase());
}

/** Whether a host is a registrable name under a public suffix (ICANN section of the PSL). */
export function isPublicHostname(host: string): boolean {
  const parsed = parse(host, { extractHostname: false });
  return parsed.isIcann === true && parsed.domainWithoutSuffix !== null && parsed.domainWithoutSuffix !== "";
}

/**
 * Whether a bare `name.tld` (no scheme, no "www.", no path) reads as a domain rather than a file
 * name or code. The public suffix list alone cannot tell: .py, .md, .info and .name are real.
 */
export function isLikelyBareDomain(host: string): boolean {
  const lower = host.toLowerCase();
  const parsed = parse(lower, { extractHostname: false });
  if (parsed.isIcann !== true || !parsed.domainWithoutSuffix || !parsed.publicSuffix) return false;
  const topLevel = parsed.publicSuffix.slice(parsed.publicSuffix.lastIndexOf(".") + 1);
  const firstLabel = host.slice(0, host.indexOf("."));
  if (firstLabel.length < 2 || codeReceivers.has(firstLabel.toLowerCase())) return false;
  if (memberLikeTopLevelDomains.has(topLevel) && !parsed.publicSuffix.includes(".")) return /[-0-9]/.test(parsed.domainWithoutSuffix);
  return topLevel.length === 2 ? !fileExtensionCountryCodes.has(topLevel) : webGenericDomains.has(topLevel);
}
