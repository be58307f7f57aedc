import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { nationalIdentifierDetector } from "./national-identifier-detector.js";

// Published specimen numbers, each checked by its own algorithm.
const inContext: ReadonlyArray<[string, string]> = [
  ["Here's my SSN: 460-89-9847", "460-89-9847"],
  ["social security number 460 89 9847", "460 89 9847"],
  ["ITIN 912-70-1234", "912-70-1234"],
  ["National Insurance number AB 12 34 56 C", "AB 12 34 56 C"],
  ["NHS number 943 476 5919", "943 476 5919"],
  ["SIN 046 454 286", "046 454 286"],
  ["Steuer-ID 86095742719", "86095742719"],
  ["Personalausweis T220001293", "T220001293"],
  ["numéro de sécurité sociale 184127645108946", "184127645108946"],
  ["DNI 12345678Z", "12345678Z"],
  ["NIE X1234567L", "X1234567L"],
  ["codice fiscale RSSMRA85T10A562S", "RSSMRA85T10A562S"],
  ["BSN 111222333", "111222333"],
  ["personnummer 19811218-9876", "19811218-9876"],
  ["CPR 010190-1234", "010190-1234"],
  ["fødselsnummer 15038512363", "15038512363"],
  ["henkilötunnus 010594Y9032", "010594Y9032"],
  ["rijksregisternummer 85073003328", "85073003328"],
  ["PESEL 02070803628", "02070803628"],
  ["AHV 756.9217.0769.85", "756.9217.0769.85"],
];

describe("nationalIdentifierDetector", () => {
  it("finds each identifier after its keyword", () => {
    for (const [text, value] of inContext) expect(detectedValues(nationalIdentifierDetector, text), text).toContain(`NATIONAL_ID:${value}`);
  });

  it("reports distinctive formats without a keyword", () => {
    const text = "123-45-6789, 1 84 12 76 451 089 46, 12345678Z, RSSMRA85T10A562S, 811218-9876, 131052-308T, 85.07.30-033.28, 756.9217.0769.85";
    expect(detectedValues(nationalIdentifierDetector, text)).toEqual([
      "NATIONAL_ID:123-45-6789",
      "NATIONAL_ID:1 84 12 76 451 089 46",
      "NATIONAL_ID:12345678Z",
      "NATIONAL_ID:RSSMRA85T10A562S",
      "NATIONAL_ID:811218-9876",
      "NATIONAL_ID:131052-308T",
      "NATIONAL_ID:85.07.30-033.28",
      "NATIONAL_ID:756.9217.0769.85",
    ]);
  });

  it("needs the keyword for bare digit runs, and a valid checksum always", () => {
    const nearMisses = [
      "id 943 476 5919, 046 454 286, 86095742719, 111222333, 02070803628",
      "SSN 000-12-3456, 666-12-3456, 123-00-4567, 123-45-0000, 912-34-5678",
      "NHS number 943 476 5918",
      "BSN 111222334",
      "DNI 12345678A",
      "codice fiscale RSSMRA85T10A562T",
      "personnummer 811218-9875",
      "PESEL 02070803629",
      "NINO BG 12 34 56 C",
      "build 20240312-1234, uuid 123e4567-e89b-12d3-a456-426614174000",
    ];
    for (const text of nearMisses) expect(detectedValues(nationalIdentifierDetector, text), text).toEqual([]);
  });
});
