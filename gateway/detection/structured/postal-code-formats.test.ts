import { describe, expect, it } from "vitest";
import { matchPostalCode } from "./postal-code-formats.js";

describe("matchPostalCode", () => {
  it("recognises distinctive formats on their own", () => {
    for (const code of ["SW1A 1AA", "EC1A1BB", "B0J 2H0", "K1A 0B1", "1012 AB", "D02 X285", "00-950", "1000-001"]) {
      expect(matchPostalCode(code)?.distinctive, code).toBe(true);
    }
  });

  it("marks all-digit codes as needing an address around them", () => {
    expect(matchPostalCode("34796")).toEqual({ countries: ["US", "DE", "FR", "ES", "IT", "SE", "FI"], distinctive: false });
    expect(matchPostalCode("90210-1234")?.countries).toEqual(["US"]);
  });

  it("rejects impossible letters and shapes", () => {
    for (const code of ["QQ1 1QQ", "D0J 2H0", "1012 SS", "ABCDE", "12 345"]) expect(matchPostalCode(code), code).toBeUndefined();
  });
});
