import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { macAddressDetector } from "./mac-address-detector.js";

describe("macAddressDetector", () => {
  it("finds colon, dash and Cisco notations", () => {
    expect(detectedValues(macAddressDetector, "00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e, 001a.2b3c.4d5e")).toEqual([
      "IP_ADDRESS:00:1A:2B:3C:4D:5E",
      "IP_ADDRESS:00-1a-2b-3c-4d-5e",
      "IP_ADDRESS:001a.2b3c.4d5e",
    ]);
  });

  it("leaves broadcast, zero, mixed separators and fingerprints alone", () => {
    const fingerprint = "SHA1 Fingerprint=AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01";
    for (const text of ["ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "00:1A-2B:3C:4D:5E", fingerprint, "1234.5678.9012", "12:30:45"]) {
      expect(detectedValues(macAddressDetector, text), text).toEqual([]);
    }
  });
});
