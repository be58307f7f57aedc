import { describe, expect, it } from "vitest";
import { cloudResourceDetector } from "./cloud-resource-detector.js";
import { detectedValues } from "./detected-values.js";

describe("cloudResourceDetector", () => {
  it("finds ARNs that name an account or a customer's resource", () => {
    expect(detectedValues(cloudResourceDetector, 'KeyId: "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",')).toEqual([
      "URL:arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ]);
    expect(detectedValues(cloudResourceDetector, "Resource: arn:aws:s3:::acme-payroll/*.")).toEqual(["URL:arn:aws:s3:::acme-payroll/*"]);
    expect(detectedValues(cloudResourceDetector, "topic arn:aws-us-gov:sns:us-gov-west-1:123456789012:Alarms")).toEqual([
      "URL:arn:aws-us-gov:sns:us-gov-west-1:123456789012:Alarms",
    ]);
  });

  it("leaves AWS's own managed resources and templates alone", () => {
    expect(detectedValues(cloudResourceDetector, "attach arn:aws:iam::aws:policy/AdministratorAccess")).toEqual([]);
    expect(detectedValues(cloudResourceDetector, 'return f"arn:aws:s3:::{bucket_name}"')).toEqual([]);
    expect(detectedValues(cloudResourceDetector, 'return f"arn:aws:s3:::${bucket_name}"')).toEqual([]);
    expect(detectedValues(cloudResourceDetector, "the learn:aws:module talk")).toEqual([]);
  });

  it("finds buckets and storage accounts in host names, even after an encoded slash", () => {
    expect(detectedValues(cloudResourceDetector, "logs at acme-logs.s3.us-east-2.amazonaws.com/2024/ today")).toEqual([
      "URL:acme-logs.s3.us-east-2.amazonaws.com/2024/",
    ]);
    expect(detectedValues(cloudResourceDetector, "redirect=https%3A%2F%2Facme-logs.s3.amazonaws.com")).toEqual(["URL:acme-logs.s3.amazonaws.com"]);
    expect(detectedValues(cloudResourceDetector, "c.storage.googleapis.com")).toEqual(["URL:c.storage.googleapis.com"]);
    expect(detectedValues(cloudResourceDetector, "https://acmedata.blob.core.windows.net/backups")).toEqual(["URL:acmedata.blob.core.windows.net/backups"]);
  });

  it("finds an AWS account number under a name that says so, or in a registry host", () => {
    const found = (text: string) => detectedValues(cloudResourceDetector, text);
    expect(found("AWS_REGION=us-west-2\nAWS_ACCOUNT_ID=402913857716\n")).toEqual(["URL:402913857716"]);
    expect(found('$ aws sts get-caller-identity\n{"UserId": "AIDAEXAMPLE", "Account": "402913857716"}')).toEqual(["URL:402913857716"]);
    expect(found("export TF_VAR_aws_account_id=402913857716")).toEqual(["URL:402913857716"]);
    expect(found("CDK_DEFAULT_ACCOUNT=402913857716 npx cdk deploy # aws")).toEqual(["URL:402913857716"]);
    expect(found("aws organizations describe-account --account-id 402913857716")).toEqual(["URL:402913857716"]);
    expect(found("docker push 402913857716.dkr.ecr.eu-west-1.amazonaws.com/app:1")).toEqual(["URL:402913857716"]);
  });

  it("leaves twelve-digit numbers alone where no name says account or the text is not about AWS", () => {
    const found = (text: string) => detectedValues(cloudResourceDetector, text);
    expect(found("aws_account_id=4029138577160")).toEqual([]);
    expect(found("aws order_id=402913857716")).toEqual([]);
    expect(found("account_id=402913857716 in the billing export")).toEqual([]);
    expect(found("Bank account: 402913857716, the new laws apply")).toEqual([]);
    expect(found("the account 402913857716 draws on paws and withdraws")).toEqual([]);
  });

  it("leaves the shared service endpoints to the URL detector", () => {
    expect(detectedValues(cloudResourceDetector, "s3.amazonaws.com and https://storage.googleapis.com")).toEqual([]);
  });
});
