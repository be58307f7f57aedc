import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";

const detectorId = "cloud-resource-v1";

// `arn:partition:service:region:account:resource`. The resource runs to a blank, a quote or a
// bracket; an ARN inside a template (`arn:aws:s3:::{bucket}`) stops at its brace.
const amazonResourceName =
  /\barn:(?:aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?):[a-z0-9-]{2,32}:[a-z0-9-]*:(?<account>\d{12}|aws)?:(?<resource>[^\s"'`<>,;()[\]{}|\\]+)/g;

// A bucket in the host name: `acme-logs.s3.amazonaws.com`, `acme-logs.s3-us-east-2.amazonaws.com`,
// `acme.storage.googleapis.com`, `acme.blob.core.windows.net`. The name may follow an encoded
// slash (`https%3A%2F%2Facme-logs.s3…`), which the URL detector's word boundaries refuse.
const bucketHost =
  /(?:(?<![A-Za-z0-9_.-])|(?<=%2[Ff]))(?<bucket>[a-z0-9](?:[a-z0-9._-]{0,220}[a-z0-9])?)\.(?:s3(?:[.-](?:dualstack\.)?[a-z]{2}(?:-gov)?-[a-z]+-\d)?\.amazonaws\.com(?:\.cn)?|storage\.googleapis\.com|(?:blob|file|queue|table|dfs)\.core\.windows\.net)(?::\d{2,5})?(?:\/[^\s"'`<>{}|\\^]*)?/g;

// An AWS account number under a name that says so (`aws_account_id=…`, `TF_VAR_aws_account_id`,
// `CDK_DEFAULT_ACCOUNT`, `"Account": "…"`, `--account-id …`), and the account in a registry host
// (`123456789012.dkr.ecr.eu-west-1.amazonaws.com`).
const awsAccountAssignment =
  /(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.-])*account(?:[_.-]?(?:id|number|no))?["']?(?:[ \t]*(?:=>|[:=])[ \t]*|[ \t]+)["']?(?<account>\d{12})(?!\d)/dgi;
const registryHost = /(?<![A-Za-z0-9_.-])(?<account>\d{12})\.dkr\.ecr(?:-fips)?\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazonaws\.com(?:\.cn)?/dg;
const awsContext = /(?<![A-Za-z])aws(?![a-z])|\bamazon(?:aws)?\b|\barn:aws/i;

/** Sentence punctuation and an unbalanced closing bracket after a resource name are not part of it. */
function trimmedEnd(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start && /[.,:;!?)\]]/.test(text[cursor - 1] ?? "")) cursor--;
  return cursor;
}

/** A reference to a value filled in elsewhere (`$bucket`, `%BUCKET%`, `${name}`), not a name. */
function isTemplated(value: string): boolean {
  return /^[$%@]|\$\{|\{\{/.test(value);
}

/**
 * Names of a customer's own cloud resources: Amazon Resource Names that carry an account
 * number or a resource of the customer's (`arn:aws:kms:us-east-2:324320755747:key/…`,
 * `arn:aws:s3:::acme-payroll`), and storage buckets and accounts named in a host. They say
 * which company runs what, so the policy treats them like URLs. An account number on its own
 * counts where a name or a registry host says it is one, in a text about AWS. ARNs of AWS's own managed
 * resources (account `aws`) and templates are public and left alone.
 */
export const cloudResourceDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (text.includes("arn:")) {
      for (const match of text.matchAll(amazonResourceName)) {
        const account = match.groups?.["account"];
        const resource = match.groups?.["resource"] ?? "";
        if (account === "aws" || isTemplated(resource) || !/[A-Za-z0-9]/.test(resource)) continue;
        const end = trimmedEnd(text, match.index, match.index + match[0].length);
        findings.push(createFinding(match.index, end, "URL", 0.85, detectorId));
      }
    }
    if (awsContext.test(text)) {
      for (const pattern of [awsAccountAssignment, registryHost]) {
        for (const match of text.matchAll(pattern)) {
          const account = match.indices?.groups?.["account"];
          if (account) findings.push(createFinding(account[0], account[1], "URL", 0.8, detectorId));
        }
      }
    }
    if (/amazonaws|googleapis|core\.windows/.test(text)) {
      for (const match of text.matchAll(bucketHost)) {
        const end = trimmedEnd(text, match.index, match.index + match[0].length);
        findings.push(createFinding(match.index, end, "URL", 0.8, detectorId));
      }
    }
    return findings;
  },
};
