import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";
import { hasDigitAndLetter, hasMixedCase } from "./key-checks.js";

/** Source hosting, CI and package registries. */
export const codeHostingKeyFormats: readonly KeyFormat[] = [
  keyFormat("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], `${tokenStart}gh[pousr]_[A-Za-z0-9]{36,255}${tokenEnd}`),
  keyFormat("github-fine-grained-token", ["github_pat_"], `${tokenStart}github_pat_[A-Za-z0-9_]{22,255}${tokenEnd}`),
  keyFormat(
    "gitlab-token",
    ["glpat-", "gldt-", "glrt-", "glsoat-", "glft-", "glffct-", "glimt-", "gloas-", "glcbt-", "glagent-"],
    `${tokenStart}gl(?:pat|dt|rt|soat|ft|ffct|imt|oas|cbt|agent)-[A-Za-z0-9_.-]{20,300}${tokenEndWithDash}`,
  ),
  keyFormat("gitlab-trigger-token", ["glptt-"], `${tokenStart}glptt-[0-9a-f]{40}${tokenEnd}`),
  keyFormat("gitlab-runner-registration-token", ["gr1348941"], `${tokenStart}GR1348941[A-Za-z0-9_-]{20}${tokenEndWithDash}`),
  keyFormat("gitlab-session-cookie", ["_gitlab_session="], "_gitlab_session=(?<secret>[0-9a-z]{32})"),
  keyFormat("bitbucket-app-password", ["atbb"], `${tokenStart}ATBB[A-Za-z0-9_=.-]{32}${tokenEndWithDash}`),
  keyFormat("atlassian-api-token", ["atatt3", "atctt3"], `${tokenStart}AT(?:ATT|CTT)3[A-Za-z0-9_=-]{150,}${tokenEndWithDash}`),
  keyFormat("sourcegraph-or-segment-token", ["sgp_"], `${tokenStart}sgp_(?:[a-f0-9]{16}_|local_)?[A-Za-z0-9]{40,64}${tokenEnd}`),
  keyFormat("npm-token", ["npm_"], `${tokenStart}npm_[A-Za-z0-9]{36}${tokenEnd}`),
  keyFormat("pypi-token", ["pypi-age"], `${tokenStart}pypi-AgE[A-Za-z0-9_-]{50,}`),
  keyFormat("rubygems-key", ["rubygems_"], `${tokenStart}rubygems_[a-f0-9]{48}${tokenEnd}`),
  keyFormat("nuget-key", ["oy2"], `${tokenStart}oy2[a-z0-9]{43}${tokenEnd}`),
  keyFormat("crates-io-token", ["cio"], `${tokenStart}cio[A-Za-z0-9]{32}${tokenEnd}`, (value) => hasDigitAndLetter(value) && hasMixedCase(value)),
  keyFormat("docker-hub-token", ["dckr_"], `${tokenStart}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}`),
  keyFormat("clojars-token", ["clojars_"], `${tokenStart}CLOJARS_[a-z0-9]{60}${tokenEnd}`),
  keyFormat("artifactory-key", ["akcp"], `${tokenStart}AKCp[A-Za-z0-9]{69}${tokenEnd}`),
  keyFormat("artifactory-reference-token", ["cmvmd"], `${tokenStart}cmVmd[A-Za-z0-9]{59}${tokenEnd}`),
  keyFormat("dependency-track-key", ["odt_"], `${tokenStart}odt_[A-Za-z0-9]{32,}${tokenEnd}`),
  keyFormat("buildkite-token", ["bkua_"], `${tokenStart}bkua_[a-f0-9]{40}${tokenEnd}`),
  keyFormat("circleci-token", ["ccipat_"], `${tokenStart}CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}${tokenEnd}`),
  keyFormat("sonarqube-token", ["sqp_", "squ_", "sqa_"], `${tokenStart}sq[pua]_[a-f0-9]{40}${tokenEnd}`),
  keyFormat("prefect-token", ["pnu_"], `${tokenStart}pnu_[A-Za-z0-9]{36}${tokenEnd}`),
  keyFormat("readme-token", ["rdme_"], `${tokenStart}rdme_[a-z0-9]{70}${tokenEnd}`),
  keyFormat("infracost-token", ["ico-"], `${tokenStart}ico-[A-Za-z0-9]{32}${tokenEnd}`),
  keyFormat("harness-token", ["pat.", "sat."], `${tokenStart}(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}${tokenEnd}`),
];
