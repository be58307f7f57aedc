import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { emailDetector } from "./email-detector.js";

describe("emailDetector", () => {
  it("finds addresses, international ones and obfuscated ones", () => {
    expect(detectedValues(emailDetector, "Mail UtaKortig@jourrapide.com today.")).toEqual([
      "EMAIL:UtaKortig@jourrapide.com",
    ]);
    expect(detectedValues(emailDetector, "Write to jane+tag@mail.example.co.uk.")).toEqual(["EMAIL:jane+tag@mail.example.co.uk"]);
    expect(detectedValues(emailDetector, "Schreib an jürgen.müller@bücher.de")).toEqual(["EMAIL:jürgen.müller@bücher.de"]);
    expect(detectedValues(emailDetector, "jane.doe [at] example [dot] com and bob(at)firma.de")).toEqual([
      "EMAIL:jane.doe [at] example [dot] com",
      "EMAIL:bob(at)firma.de",
    ]);
  });

  it("leaves package versions, image assets, SSH remotes and handles alone", () => {
    const text = "lodash@4.17.21 react@18.2.0 logo@2x.png icon@3x.webp git@github.com:org/repo.git @jane user@localhost";
    expect(detectedValues(emailDetector, text)).toEqual([]);
  });
});
