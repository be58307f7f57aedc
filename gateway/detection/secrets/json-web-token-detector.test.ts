import { describe, expect, it } from "vitest";
import { jsonWebTokenDetector } from "./json-web-token-detector.js";

const found = (text: string) => jsonWebTokenDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const token = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ sub: "1234567890", iat: 1516239022 })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;

describe("JSON Web Tokens", () => {
  it("finds a token alone, in a header and in JSON, exactly", () => {
    expect(found(token)).toEqual([token]);
    expect(found(`Authorization: Bearer ${token}`)).toEqual([token]);
    expect(found(`{"id_token":"${token}"}`)).toEqual([token]);
  });

  it("finds an unsigned token", () => {
    const unsigned = `${encode({ alg: "none" })}.${encode({ sub: "x" })}.`;
    expect(found(`t=${unsigned} end`)).toEqual([unsigned]);
  });

  it("leaves base64 JSON that is not a JOSE header alone", () => {
    const notJose = `${encode({ u: "mapbox-user", a: "x" })}.${encode({ k: "v" })}.abcdEFGH`;
    expect(found(notJose)).toEqual([]);
    expect(found("eyJ is how base64 JSON starts")).toEqual([]);
  });
});
