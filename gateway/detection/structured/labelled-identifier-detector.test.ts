import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { labelledIdentifierDetector } from "./labelled-identifier-detector.js";

describe("labelledIdentifierDetector", () => {
  it("finds document numbers right after the words that name them", () => {
    const cases: ReadonlyArray<[string, string]> = [
      ["My driver's license number is F162823540116", "F162823540116"],
      ["my driver's license number is 2270-66-1551", "2270-66-1551"],
      ["DL# D1234-5678", "D1234-5678"],
      ["passport no. X1234567", "X1234567"],
      ["Reisepassnummer C01X00T47", "C01X00T47"],
      ["numéro de passeport : 12AB34567", "12AB34567"],
      ["MRN: 00123456", "00123456"],
      ["Case No. 2:19-cv-01234", "2:19-cv-01234"],
      ["Aktenzeichen 2 BvR 123/20", "2 BvR 123/20"],
      ["número de expediente 1234/2023", "1234/2023"],
      ["rijbewijsnummer 5123456789", "5123456789"],
      ["claim number: CLM-2023-004512", "CLM-2023-004512"],
    ];
    for (const [text, value] of cases) expect(detectedValues(labelledIdentifierDetector, text), text).toEqual([`NATIONAL_ID:${value}`]);
  });

  it("needs a value with digits right after the name", () => {
    const nearMisses = [
      "passport number is required",
      "bring your passport and 2 photos",
      "in case 12 of them fail",
      "the file is 1234 bytes",
      "DL 1",
    ];
    for (const text of nearMisses) expect(detectedValues(labelledIdentifierDetector, text), text).toEqual([]);
  });
});
