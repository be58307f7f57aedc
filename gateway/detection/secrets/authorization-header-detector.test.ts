import { describe, expect, it } from "vitest";
import { authorizationHeaderDetector } from "./authorization-header-detector.js";

const found = (text: string) => authorizationHeaderDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("HTTP authorization credentials", () => {
  it("finds Bearer tokens in headers, curl and code, the token only", () => {
    expect(found("Authorization: Bearer mF_9.B5f-4.1JqM")).toEqual(["mF_9.B5f-4.1JqM"]);
    expect(found('curl -H "Authorization: Bearer 38bb7b318cc6898c80317decb34525844bc9db55" https://api.example.com')).toEqual([
      "38bb7b318cc6898c80317decb34525844bc9db55",
    ]);
    expect(found("headers: { Authorization: `Bearer eIdWHQqRfFmvP5LDDh-IGxPUzi7I27HthzCPAVmS` }")).toEqual([
      "eIdWHQqRfFmvP5LDDh-IGxPUzi7I27HthzCPAVmS",
    ]);
  });

  it("finds Basic credentials only when they decode to user:password", () => {
    const basic = Buffer.from("Aladdin:open sesame").toString("base64");
    expect(found(`Authorization: Basic ${basic}`)).toEqual([basic]);
    expect(found("Basic authentication is configured")).toEqual([]);
  });

  it("finds other schemes and a header with no scheme", () => {
    expect(found("Authorization: SSWS 00QCjAl4MlV-WPXM-0HmjFx-vbGua8kQzT1c3ykR7")).toEqual(["00QCjAl4MlV-WPXM-0HmjFx-vbGua8kQzT1c3ykR7"]);
    expect(found("-H 'Authorization:rubygems_b9ce70c306b3a2e248679fbbbd66723d408d3c8c5f00566c'")).toEqual([
      "rubygems_b9ce70c306b3a2e248679fbbbd66723d408d3c8c5f00566c",
    ]);
  });

  it("leaves placeholders, variables and prose alone", () => {
    expect(found("Authorization: Bearer <token>")).toEqual([]);
    expect(found('headers["Authorization"] = "Bearer " + token')).toEqual([]);
    expect(found("Authorization: Bearer ${ACCESS_TOKEN}")).toEqual([]);
    expect(found("Authorization: Bearer YOUR_API_KEY")).toEqual([]);
    expect(found("the bearer instrument is payable to whoever holds it")).toEqual([]);
  });
});
