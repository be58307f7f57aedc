import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";
import { hasDigitAndLetter, isGrafanaKeyJson } from "./key-checks.js";
import { shannonEntropy } from "../shannon-entropy.js";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Monitoring, productivity and other SaaS APIs. */
export const serviceKeyFormats: readonly KeyFormat[] = [
  keyFormat(
    "new-relic-key",
    ["nrak-", "nraa-", "nrii-", "nriq-", "nrra-", "nrjs-"],
    `${tokenStart}NR(?:AK|AA|II|IQ|RA|JS)-[A-Za-z0-9_-]{19,42}${tokenEndWithDash}`,
  ),
  keyFormat("new-relic-license-key", ["nral"], `NRAL(?<=${tokenStart}(?<head>[a-z0-9]{36})NRAL)${tokenEnd}`),
  // Code Climate's test reporter ID is the token that uploads coverage, whatever its name says.
  keyFormat("code-climate-reporter-id", ["cc_test_reporter_id"], String.raw`CC_TEST_REPORTER_ID["']?[ \t]*[:=][ \t]*["']?(?<secret>[a-f0-9]{64})${tokenEnd}`),
  keyFormat("new-relic-pixie-key", ["px-api-", "px-dep-"], `${tokenStart}px-(?:api|dep)-${uuid}${tokenEndWithDash}`),
  keyFormat("sentry-token", ["sntrys_", "sntryu_"], `${tokenStart}sntry[su]_[A-Za-z0-9+/=_]{40,}`),
  keyFormat("grafana-cloud-token", ["glc_"], `${tokenStart}glc_[A-Za-z0-9+/]{32,400}={0,3}`),
  keyFormat("grafana-service-account-token", ["glsa_"], `${tokenStart}glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}${tokenEnd}`),
  keyFormat("grafana-api-key", ["eyjrijoi"], `${tokenStart}eyJrIjoi[A-Za-z0-9+/_-]{40,}={0,3}`, isGrafanaKeyJson),
  keyFormat("dynatrace-token", ["dt0c01."], `${tokenStart}dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}${tokenEnd}`),
  keyFormat("postman-api-key", ["pmak-"], `${tokenStart}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${tokenEnd}`),
  keyFormat("linear-api-key", ["lin_api_"], `${tokenStart}lin_api_[A-Za-z0-9]{40}${tokenEnd}`),
  keyFormat("notion-token", ["secret_", "ntn_"], `${tokenStart}(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})${tokenEnd}`, hasDigitAndLetter),
  keyFormat("airtable-token", [], `${tokenStart}pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}${tokenEnd}`),
  keyFormat("figma-token", ["figd_"], `${tokenStart}figd_[A-Za-z0-9_-]{40,}`),
  keyFormat("typeform-token", ["tfp_"], `${tokenStart}tfp_[A-Za-z0-9_.=-]{59}`),
  keyFormat("contentful-token", ["cfpat-"], `${tokenStart}CFPAT-[A-Za-z0-9_-]{43}`),
  keyFormat("hubspot-token", ["pat-na", "pat-eu"], `${tokenStart}pat-(?:na|eu)\\d-${uuid}${tokenEndWithDash}`),
  // Okta API tokens have no prefix of their own beyond `00`; the text has to mention Okta.
  keyFormat("okta-api-token", ["okta", "ssws"], "(?<![A-Za-z0-9_-])00[A-Za-z0-9_-]{39}[A-Za-z0-9_](?![A-Za-z0-9_-])", hasDigitAndLetter),
  keyFormat("mapbox-token", ["k.eyj"], `${tokenStart}[spt]k\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}`),
  keyFormat("twitter-bearer-token", ["aaaaaaaaaaaaaaaaaaaaaa"], `${tokenStart}A{22}[A-Za-z0-9%]{80,}`),
  keyFormat("facebook-access-token", ["eaa"], `${tokenStart}EAA[A-Z][A-Za-z0-9]{80,}${tokenEnd}`),
  keyFormat("dropbox-token", ["sl."], `${tokenStart}sl\\.(?:u\\.)?[A-Za-z0-9_-]{100,}`),
  keyFormat("salesforce-access-token", [], `!(?<=${tokenStart}(?<head>00[A-Za-z0-9]{13})!)[A-Za-z0-9._]{80,}`),
  keyFormat("stackhawk-api-key", ["hawk."], `${tokenStart}hawk\\.[A-Za-z0-9_-]{20}\\.[A-Za-z0-9_-]{20}${tokenEndWithDash}`),
  keyFormat("adafruit-io-key", ["aio_"], `${tokenStart}aio_[A-Za-z0-9]{28}${tokenEnd}`),
  keyFormat("twitch-stream-key", ["live_"], `${tokenStart}live_\\d{6,10}_[A-Za-z0-9]{30}${tokenEnd}`),
  keyFormat("frameio-token", ["fio-u-"], `${tokenStart}fio-u-[A-Za-z0-9_=-]{64}`),
  keyFormat("maxmind-license-key", ["_mmk"], `_mmk(?<=${tokenStart}(?<head>[A-Za-z0-9]{6}_[A-Za-z0-9]{29})_mmk)${tokenEnd}`),
  keyFormat("django-insecure-key", ["django-insecure-"], `django-insecure-[^\\s'"]{30,}`),
  // ThingsBoard device tokens sit in the path of the device API.
  keyFormat(
    "thingsboard-device-token",
    ["/api/v1/"],
    "/api/v1/(?<secret>[A-Za-z0-9]{20})/(?:telemetry|attributes|rpc|claim|provision)",
    hasDigitAndLetter,
  ),
  // TrueNAS API keys: the key's number, a dash, and 64 random characters.
  keyFormat("truenas-api-key", [], `-(?<=${tokenStart}(?<head>\\d{1,4})-)[A-Za-z0-9]{64}${tokenEnd}`, (value) => shannonEntropy(value) >= 4.5),
];
