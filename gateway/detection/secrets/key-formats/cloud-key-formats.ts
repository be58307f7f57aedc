import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";
import { hasDigitAndLetter, hasMixedCase } from "./key-checks.js";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Cloud platforms and infrastructure services. */
export const cloudKeyFormats: readonly KeyFormat[] = [
  keyFormat(
    "aws-access-key-id",
    ["a3t", "akia", "asia", "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva", "aroa", "apka", "asca"],
    `${tokenStart}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}${tokenEnd}`,
  ),
  keyFormat("amazon-mws-token", ["amzn.mws."], `amzn\\.mws\\.${uuid}`),
  keyFormat("aws-appsync-key", ["da2-"], `${tokenStart}da2-[a-z0-9]{26}${tokenEnd}`),
  keyFormat("google-api-key", ["aiza"], `${tokenStart}AIza[0-9A-Za-z_-]{35}${tokenEndWithDash}`),
  keyFormat("google-oauth-client-secret", ["gocspx-"], `${tokenStart}GOCSPX-[A-Za-z0-9_-]{28}${tokenEndWithDash}`),
  keyFormat("google-oauth-access-token", ["ya29."], `${tokenStart}ya29\\.[0-9A-Za-z_-]{20,}`),
  keyFormat("google-oauth-refresh-token", ["1//0"], `(?<![A-Za-z0-9_/])1//0[0-9A-Za-z_-]{40,}`),
  keyFormat(
    "azure-ad-client-secret",
    ["q~"],
    String.raw`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`,
    hasDigitAndLetter,
  ),
  keyFormat("azure-devops-token", ["azdo"], `AZDO(?<=${tokenStart}(?<head>[A-Za-z0-9]{76})AZDO)[A-Za-z0-9]{4}${tokenEnd}`),
  keyFormat("azure-sas-signature", ["sig="], String.raw`[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{30,})`),
  keyFormat("digitalocean-token", ["_v1_"], `${tokenStart}do[opr]_v1_[a-f0-9]{64}${tokenEnd}`),
  keyFormat("heroku-api-key", ["hrku-"], `${tokenStart}HRKU-AA[0-9A-Za-z_-]{58}${tokenEndWithDash}`),
  keyFormat("alibaba-access-key-id", ["ltai"], `${tokenStart}LTAI[A-Za-z0-9]{12,20}${tokenEnd}`, hasMixedCase),
  keyFormat("cloudflare-origin-ca-key", ["v1.0-"], `${tokenStart}v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}${tokenEnd}`),
  keyFormat("flyio-token", ["fo1_", "fm1", "fm2_"], `${tokenStart}(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})`),
  keyFormat("terraform-cloud-token", ["atlasv1"], `\\.atlasv1\\.(?<=${tokenStart}(?<head>[A-Za-z0-9]{14})\\.atlasv1\\.)[A-Za-z0-9_=-]{60,70}${tokenEndWithDash}`),
  keyFormat("vault-token", ["hvs.", "hvb.", "hvr."], `${tokenStart}hv[sbr]\\.[A-Za-z0-9_-]{24,}`),
  // Before Vault 1.10 tokens were one letter, a dot and 24 characters: close to `s.method()`
  // in minified code, so a call or a word of letters only does not count.
  keyFormat("vault-legacy-token", [], `${tokenStart}[sbr]\\.[A-Za-z0-9]{24}(?![A-Za-z0-9_.(-])`, (value) => hasDigitAndLetter(value) && hasMixedCase(value)),
  keyFormat("vault-service-token", ["s.caes"], `${tokenStart}s\\.CAES[A-Za-z0-9_-]{60,}`),
  keyFormat("vault-unseal-key", ["unseal key"], String.raw`Unseal Key \d+:[ \t]*(?<secret>[A-Za-z0-9+/]{40,}={0,2})`),
  keyFormat("vault-unseal-command", ["operator unseal"], String.raw`operator unseal[ \t]+(?:-\S+[ \t]+)*(?<secret>[A-Za-z0-9+/]{40,}={0,2})`),
  keyFormat(
    "doppler-token",
    ["dp."],
    `${tokenStart}dp\\.(?:ct|pt|st(?:\\.[a-z0-9_-]{2,35})?|sa|scim|audit)\\.[A-Za-z0-9]{40,44}${tokenEnd}`,
  ),
  // `kubeadm` bootstrap tokens: six and sixteen characters around a dot. The shape alone is close
  // to a host or a file name, so a token counts only on a line that names one (`--token`,
  // `TOKEN=`, `bootstrapToken:`, not `tokenizer`), with letters and digits both.
  keyFormat(
    "kubernetes-bootstrap-token",
    ["token"],
    String.raw`(?<![A-Za-z0-9_.-])[a-z0-9]{6}\.[a-z0-9]{16}(?![A-Za-z0-9_.-])(?<=(?:(?<![A-Za-z])[Tt]okens?|(?<=[a-z])Tokens?|(?<![A-Za-z])TOKENS?)(?![A-Za-z])[^\n]{0,40}[a-z0-9]{6}\.[a-z0-9]{16})`,
    hasDigitAndLetter,
  ),
  keyFormat("databricks-token", ["dapi"], `${tokenStart}dapi[a-f0-9]{32}(?:-\\d)?${tokenEnd}`),
  keyFormat("pulumi-token", ["pul-"], `${tokenStart}pul-[a-f0-9]{40}${tokenEnd}`),
  keyFormat("supabase-token", ["sbp_", "sb_secret_"], `${tokenStart}(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})`),
  keyFormat("planetscale-token", ["pscale_"], `${tokenStart}pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}`),
  keyFormat("openshift-token", ["sha256~"], `${tokenStart}sha256~[A-Za-z0-9_-]{43}${tokenEndWithDash}`),
  keyFormat("scalingo-token", ["tk-us-"], `${tokenStart}tk-us-[A-Za-z0-9_-]{48}${tokenEndWithDash}`),
  keyFormat("age-secret-key", ["age-secret-key-1"], `AGE-SECRET-KEY-1[0-9A-Z]{58}${tokenEnd}`),
  keyFormat("onepassword-service-token", ["ops_eyj"], `${tokenStart}ops_eyJ[A-Za-z0-9+/]{100,}={0,3}`),
  keyFormat(
    "onepassword-secret-key",
    ["a3-"],
    `${tokenStart}A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}${tokenEnd}`,
  ),
];
