import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { policyDocument, policyVersion } from "../policy/policy-version.js";
import { configuredDetectors } from "./configured-detectors.js";
import { detect } from "./detect.js";

const config = configSchema.parse({
  detection: {
    terms: ["Project Falcon", { value: "MAT-2024-001", type: "NATIONAL_ID" }, "Zyxoria"],
    allow: ["ops@acme-corp.io", "AKIAIOSFODNN7EXAMPLE"],
  },
});
const detectors = configuredDetectors(config.detection);
const found = (text: string) => detect(text, detectors).map((finding) => [finding.type, text.slice(finding.start, finding.end)]);

describe("the user's own terms and allow-list", () => {
  it("finds terms in any case and spacing, with their type", () => {
    expect(found("status of PROJECT-FALCON and projectfalcon, matter mat 2024 001 for zyxoria")).toEqual([
      ["CUSTOM", "PROJECT-FALCON"],
      ["CUSTOM", "projectfalcon"],
      ["NATIONAL_ID", "mat 2024 001"],
      ["CUSTOM", "zyxoria"],
    ]);
  });

  it("does not find a term inside a longer word", () => {
    expect(detect("the Zyxorian empire", detectors).filter((finding) => finding.detector === "custom-terms-v1")).toEqual([]);
  });

  it("lets an allowed value be, but never a secret", () => {
    expect(found("write to ops@acme-corp.io or dev@acme-corp.io")).toEqual([["EMAIL", "dev@acme-corp.io"]]);
    expect(found("key AKIAIOSFODNN7EXAMPLE")).toEqual([["SECRET", "AKIAIOSFODNN7EXAMPLE"]]);
  });

  it("changes the policy version without writing the terms into the stored policy text", () => {
    expect(policyVersion(config)).not.toBe(policyVersion(configSchema.parse({})));
    expect(policyDocument(config)).not.toMatch(/Falcon|Zyxoria|MAT-2024/);
  });
});
