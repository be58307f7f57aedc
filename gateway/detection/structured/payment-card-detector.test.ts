import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { paymentCardDetector } from "./payment-card-detector.js";

describe("paymentCardDetector", () => {
  it("finds Luhn-valid numbers in issuer ranges, grouped or not", () => {
    expect(detectedValues(paymentCardDetector, "4539 1488 0343 6467 and 4539-1488-0343-6467 and 4539148803436467")).toEqual([
      "CREDIT_CARD:4539 1488 0343 6467",
      "CREDIT_CARD:4539-1488-0343-6467",
      "CREDIT_CARD:4539148803436467",
    ]);
    expect(detectedValues(paymentCardDetector, "Amex 3714 496353 98431")).toEqual(["CREDIT_CARD:3714 496353 98431"]);
  });

  it("accepts short and unusual ranges only after a card keyword", () => {
    expect(detectedValues(paymentCardDetector, "reference 630427373398")).toEqual([]);
    expect(detectedValues(paymentCardDetector, "card number 630427373398")).toEqual(["CREDIT_CARD:630427373398"]);
    expect(detectedValues(paymentCardDetector, "my card 3521213764418045")).toEqual(["CREDIT_CARD:3521213764418045"]);
  });

  it("rejects Luhn failures, odd groupings, repeated digits and longer numbers", () => {
    const nearMisses = [
      "card 4539 1488 0343 6468",
      "4539 14880 3436 467",
      "0000 0000 0000 0000",
      "id 45391488034364671234",
      "45391488034364.67",
      "timestamp 1700000000123",
    ];
    for (const text of nearMisses) expect(detectedValues(paymentCardDetector, text), text).toEqual([]);
  });
});
