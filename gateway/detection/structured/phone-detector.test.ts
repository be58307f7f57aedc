import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { phoneDetector } from "./phone-detector.js";

describe("phoneDetector", () => {
  it("finds international numbers and North American ones without a keyword", () => {
    expect(detectedValues(phoneDetector, "Ring +44 20 7946 0958, +46 (0)8 928 571 38 or (415) 555-2671.")).toEqual([
      "PHONE:+44 20 7946 0958",
      "PHONE:+46 (0)8 928 571 38",
      "PHONE:(415) 555-2671",
    ]);
    expect(detectedValues(phoneDetector, "001-518-640-0854 and +1-903-140-4508x769")).toEqual(["PHONE:001-518-640-0854", "PHONE:+1-903-140-4508x769"]);
  });

  it("finds national formats after a keyword, and numbers listed after it", () => {
    expect(detectedValues(phoneDetector, "Personal Info:\nPhone:\n467 3395\n")).toEqual(["PHONE:467 3395"]);
    expect(detectedValues(phoneDetector, "Mobile: 03.93.92.16.85\nDesk: (37) 788-063")).toEqual(["PHONE:03.93.92.16.85", "PHONE:(37) 788-063"]);
    expect(detectedValues(phoneDetector, "Telefon 030 1234567 oder 0151 23456789")).toEqual(["PHONE:030 1234567", "PHONE:0151 23456789"]);
    expect(detectedValues(phoneDetector, "APO AA 61487\n416 60 039 office\n")).toEqual(["PHONE:416 60 039"]);
    expect(detectedValues(phoneDetector, "My number is 467 3395")).toEqual(["PHONE:467 3395"]);
  });

  it("finds trunk-prefixed national numbers that are valid somewhere we serve", () => {
    expect(detectedValues(phoneDetector, "ping 0161 496 0123 tomorrow")).toEqual(["PHONE:0161 496 0123"]);
  });

  it("does not flag years, prices, dates, versions, addresses or other numbers", () => {
    const nearMisses = [
      "Released in 2015 and 2017, 2019-2020.",
      "It costs $1 234 567 or 1 234 567 EUR, 20,000,000 total.",
      "Shipped 2024-03-12 10:30:00, due 12.03.1985, 2024/03/12.",
      "version 10.0.19041 and v1.2.3.4567",
      "order 555-123-4567, invoice 0161 496 0123, ticket #12345678",
      "my order number is 4673395",
      "The office is at 17031 2202 Rissik St",
      "pid 12345 port 8080 line 1234567 uuid 123e4567-e89b-12d3-a456-426614174000",
      "10.0.0.1 and 192.168.100.200",
      "timestamp 1700000000 and 1700000000123",
    ];
    for (const text of nearMisses) expect(detectedValues(phoneDetector, text), text).toEqual([]);
  });
});
