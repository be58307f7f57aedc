import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { ipAddressDetector } from "./ip-address-detector.js";

describe("ipAddressDetector", () => {
  it("finds IPv4 and IPv6 addresses, ports left out", () => {
    expect(detectedValues(ipAddressDetector, "client_ip = ?%//!%20\\|106.31.73.20 and 10.0.0.5:8080")).toEqual([
      "IP_ADDRESS:106.31.73.20",
      "IP_ADDRESS:10.0.0.5",
    ]);
    expect(detectedValues(ipAddressDetector, "6e40:4041:c617:e898:c11:40d2:c669:2eb4, fe80::1ff:fe23:4567:890a, ::ffff:192.0.2.128")).toEqual([
      "IP_ADDRESS:6e40:4041:c617:e898:c11:40d2:c669:2eb4",
      "IP_ADDRESS:fe80::1ff:fe23:4567:890a",
      "IP_ADDRESS:::ffff:192.0.2.128",
    ]);
  });

  it("scores public addresses above private and documentation ones", () => {
    const [publicAddress, privateAddress, documentation] = ipAddressDetector.detect("8.8.4.5 192.168.1.20 203.0.113.9");
    expect(publicAddress?.score).toBeGreaterThan(privateAddress?.score ?? 1);
    expect(privateAddress?.score).toBeGreaterThan(documentation?.score ?? 1);
  });

  it("leaves loopback, masks, versions, times, OIDs and slices alone", () => {
    const nearMisses = [
      "listen on 127.0.0.1 or 0.0.0.0 or ::1 or ::",
      "netmask 255.255.255.0 broadcast 255.255.255.255",
      "version 1.2.3.4, Chrome/120.0.6099.109, v10.0.0.1",
      "at 12:30:45 and 1.3.6.1.4.1.311 and 999.1.1.1",
      "a[1::2] and std::vector and Foo::Bar",
      "00:1A:2B:3C:4D:5E",
    ];
    for (const text of nearMisses) expect(detectedValues(ipAddressDetector, text), text).toEqual([]);
  });
});
