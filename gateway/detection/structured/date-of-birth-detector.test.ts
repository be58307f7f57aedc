import { describe, expect, it } from "vitest";
import { dateOfBirthDetector } from "./date-of-birth-detector.js";
import { detectedValues } from "./detected-values.js";

describe("dateOfBirthDetector", () => {
  it("finds dates after birth words in several languages", () => {
    const cases: ReadonlyArray<[string, string]> = [
      ["DOB: 12/03/1985", "12/03/1985"],
      ["date of birth 1985-03-12", "1985-03-12"],
      ["born on the 3rd of March 1990", "3rd of March 1990"],
      ["born March 3, 1990", "March 3, 1990"],
      ["geboren am 12. März 1985", "12. März 1985"],
      ["née le 5 juin 1970", "5 juin 1970"],
      ["fecha de nacimiento: 12 de marzo de 1985", "12 de marzo de 1985"],
      ["data di nascita 01/02/79", "01/02/79"],
      ["geboortedatum 12-03-1985", "12-03-1985"],
      ["född 1985-03-12", "1985-03-12"],
    ];
    for (const [text, value] of cases) expect(detectedValues(dateOfBirthDetector, text), text).toEqual([`DATE_OF_BIRTH:${value}`]);
  });

  it("leaves other dates alone", () => {
    const nearMisses = ["released 12/03/1985", "deadline 2024-03-12", "born in 1985", "DOB field is required", "12/03/1985 was my date of birth"];
    for (const text of nearMisses) expect(detectedValues(dateOfBirthDetector, text), text).toEqual([]);
  });
});
