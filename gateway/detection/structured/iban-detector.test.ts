import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { ibanDetector } from "./iban-detector.js";

describe("ibanDetector", () => {
  it("finds IBANs compact, grouped and in lower case", () => {
    expect(detectedValues(ibanDetector, "DE89 3704 0044 0532 0130 00, GB82WEST12345698765432, gb42nawi04454264788619")).toEqual([
      "IBAN:DE89 3704 0044 0532 0130 00",
      "IBAN:GB82WEST12345698765432",
      "IBAN:gb42nawi04454264788619",
    ]);
    expect(detectedValues(ibanDetector, "FR76 3000 6000 0112 3456 7890 189")).toEqual(["IBAN:FR76 3000 6000 0112 3456 7890 189"]);
  });

  it("rejects wrong check digits, wrong lengths and unknown countries", () => {
    expect(detectedValues(ibanDetector, "DE89370400440532013001 DE8937040044053201300 XX89370400440532013000 AB12CDEFGHIJKLMNOP")).toEqual([]);
  });
});
