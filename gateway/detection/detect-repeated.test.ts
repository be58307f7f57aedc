import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { CleanShortTexts, longestRememberedText } from "./clean-short-texts.js";
import { configuredDetectors } from "./configured-detectors.js";
import { defaultDetectors, detect, detectRepeated } from "./detect.js";

const withTerm = configuredDetectors(configSchema.parse({ detection: { terms: ["Zyxoria"] } }).detection);

describe("detectRepeated", () => {
  it("finds what detect finds, every time it is asked", () => {
    const text = "mail ada@example.org";
    const first = detectRepeated(text);
    expect(first).toEqual(detect(text));
    expect(first.map((finding) => finding.type)).toContain("EMAIL");
    expect(detectRepeated(text)).toEqual(first);
  });

  it("remembers a clean text per detector list: another list still scans it", () => {
    expect(detectRepeated("model zyxoria-large", defaultDetectors)).toEqual([]);
    expect(detectRepeated("model zyxoria-large", defaultDetectors)).toEqual([]);
    expect(detectRepeated("model zyxoria-large", withTerm).map((finding) => finding.type)).toEqual(["CUSTOM"]);
  });
});

describe("CleanShortTexts", () => {
  it("keeps short texts only, and stays bounded", () => {
    const texts = new CleanShortTexts();
    const long = "a".repeat(longestRememberedText + 1);
    texts.add(long, defaultDetectors);
    expect(texts.has(long, defaultDetectors)).toBe(false);
    for (let index = 0; index < 5000; index++) texts.add(`text ${index}`, defaultDetectors);
    expect(texts.has("text 4999", defaultDetectors)).toBe(true);
    expect(texts.has("text 0", defaultDetectors)).toBe(false);
    expect(texts.has("text 4999", withTerm)).toBe(false);
  });
});
