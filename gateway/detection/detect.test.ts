import { describe, expect, it } from "vitest";
import { detect } from "./detect.js";

const typesIn = (text: string) => detect(text).map((finding) => [finding.type, text.slice(finding.start, finding.end)]);

describe("detect sees through encoding tricks", () => {
  it("finds an e-mail address with zero-width characters inside", () => {
    const text = "write to ada\u200b.love\u200dlace@exam\u2060ple.com today";
    expect(typesIn(text)).toContainEqual(["EMAIL", "ada\u200b.love\u200dlace@exam\u2060ple.com"]);
  });

  it("finds an e-mail address written with Cyrillic look-alikes and a full-width at sign", () => {
    const text = "contact: аdа＠exаmple.com";
    expect(typesIn(text)).toContainEqual(["EMAIL", "аdа＠exаmple.com"]);
  });

  it("finds a key spelled out with spaces", () => {
    const text = "key: A K I A I O S F O D N N 7 E X A M P L E ok";
    const findings = detect(text);
    expect(findings.some((finding) => finding.type === "SECRET" && text.slice(finding.start, finding.end).startsWith("A K I A"))).toBe(true);
  });

  it("finds a secret and an e-mail hidden in base64", () => {
    const secret = Buffer.from("aws key AKIAIOSFODNN7EXAMPLE").toString("base64");
    const email = Buffer.from("mail grace@example.org please").toString("base64url");
    expect(typesIn(`blob ${secret} end`)).toEqual([["SECRET", secret]]);
    expect(typesIn(`blob ${email} end`)).toEqual([["EMAIL", email]]);
  });

  it("leaves hashes, UUIDs and binary base64 alone", () => {
    const text = "commit 3f786850e387550fdab836ed7e6dc881de23001b uuid 123e4567-e89b-12d3-a456-426614174000 png iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    expect(detect(text).filter((finding) => finding.detector.includes("decoded"))).toEqual([]);
  });

  it("does not turn spaced digits into a phone number", () => {
    expect(detect("rank them 1 2 3 4 5 6 7 8 9 in order").filter((finding) => finding.detector.startsWith("spaced"))).toEqual([]);
  });
});

describe("overlapping findings", () => {
  it("keeps the uncovered part of a finding that only touches a longer one", () => {
    const address = { id: "long", detect: (text: string) => [{ start: 0, end: 10, type: "LOCATION" as const, score: 0.9, detector: "long" }].filter(() => text.length > 0) };
    const phone = { id: "short", detect: () => [{ start: 6, end: 14, type: "PHONE" as const, score: 0.9, detector: "short" }] };
    const findings = detect("0123456789abcdefgh", [address, phone]);
    expect(findings.map((finding) => [finding.type, finding.start, finding.end])).toEqual([
      ["LOCATION", 0, 10],
      ["PHONE", 10, 14],
    ]);
  });
});

describe("secrets inside other findings", () => {
  it("report the token in a URL as a secret and keep the rest of the URL", () => {
    const text = "clone https://user:ghp_0123456789abcdefghijklmnopqrstuvwxyzAB@github.com/acme/private-repo.git now";
    const types = detect(text).map((finding) => finding.type);
    expect(types).toContain("SECRET");
  });
});

describe("escapes do not hide values", () => {
  it.each([
    ["a JSON \\u escape", '{"key":"AKIA\\u0049OSFODNN7EXAMPLE"}', "SECRET", "AKIA\\u0049OSFODNN7EXAMPLE"],
    ["a \\u escaped at sign", "grace\\u0040example.com", "EMAIL", "grace\\u0040example.com"],
    ["percent-encoding in a URL query", "find?email=ada.lovelace%40example.org&x=1", "EMAIL", "ada.lovelace%40example.org"],
    ["an HTML entity", "mail ada&#64;acme-corp.io now", "EMAIL", "ada&#64;acme-corp.io"],
    ["a named entity", "mail ada&commat;acme-corp.io now", "EMAIL", "ada&commat;acme-corp.io"],
    ["a tag character", "mail ada.lovelace@acme-corp\u{E0020}.io now", "EMAIL", "ada.lovelace@acme-corp\u{E0020}.io"],
    // An escape that decodes to an invisible character hides a value as well as the character itself.
    ["an escaped zero-width space in JSON", '{"to":"ada.lovelace\\u200b@example.org"}', "EMAIL", "ada.lovelace\\u200b@example.org"],
    ["an escaped soft hyphen in a key", '{"k":"sk-proj-abcdefghijklmnop\\u00adqrstuvwxyz0123456789ABCDEFGHIJ"}', "SECRET", "sk-proj-abcdefghijklmnop\\u00adqrstuvwxyz0123456789ABCDEFGHIJ"],
    ["an escaped Cyrillic look-alike", "\\u0430da.lovelace@example.org", "EMAIL", "\\u0430da.lovelace@example.org"],
  ])("%s", (_name, text, type, value) => {
    expect(typesIn(text)).toContainEqual([type, value]);
  });
});
