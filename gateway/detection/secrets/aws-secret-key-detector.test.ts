import { describe, expect, it } from "vitest";
import { awsSecretKeyDetector } from "./aws-secret-key-detector.js";

const found = (text: string) => awsSecretKeyDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("AWS secret keys beside their access key id", () => {
  it("finds the secret key near an access key id, whatever it is called", () => {
    const text = "AWS Access Key:AKIAUJZDE8GXD6NCF10E\nsecret:El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5";
    expect(found(text)).toEqual(["El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"]);
    expect(found("creds = ('AKIAUJZDE8GXD6NCF10E', 'El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5')")).toEqual(["El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"]);
  });

  it("leaves a commit hash near a key id alone, and a 40-character string without one", () => {
    expect(found("AKIAUJZDE8GXD6NCF10E fixed in 3f786850e387550fdab836ed7e6dc881de23001b")).toEqual([]);
    expect(found("value El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5")).toEqual([]);
  });
});
