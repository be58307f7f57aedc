import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

describe("canonical JSON", () => {
  it("sorts keys at every depth and leaves out whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("sorts keys by UTF-16 code units and writes strings and numbers as JSON.stringify does (RFC 8785)", () => {
    expect(canonicalJson({ "é": 1, Z: 2, a: 3, "😀": 4 })).toBe('{"Z":2,"a":3,"é":1,"😀":4}');
    expect(canonicalJson([1e21, 0.1, -0, 5.5e-7, "line\nbreak \u2028"])).toBe('[1e+21,0.1,0,5.5e-7,"line\\nbreak \u2028"]');
  });

  it("gives the same text back after a JSON round trip", () => {
    const text = canonicalJson({ latency: 12.3, tokens: { prompt: 7 }, reasons: [{ code: "x", message: "Straße — ok" }] });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it("refuses values JSON would drop or change silently", () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson([Number.NaN])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
