import { describe, expect, it } from "vitest";
import { cryptoWalletDetector } from "./crypto-wallet-detector.js";
import { detectedValues } from "./detected-values.js";

describe("cryptoWalletDetector", () => {
  it("finds checksummed Bitcoin addresses and Ethereum addresses in context", () => {
    const text = "send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT or bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq; wallet 0x52908400098527886e0f7030069857d2e4169ee7";
    expect(detectedValues(cryptoWalletDetector, text)).toEqual([
      "CRYPTO_WALLET:1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
      "CRYPTO_WALLET:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
      "CRYPTO_WALLET:0x52908400098527886e0f7030069857d2e4169ee7",
    ]);
  });

  it("rejects broken checksums and bare lower-case hex", () => {
    const text = "1BoatSLRHtKNngkdXEeobR76b53LETtpyX bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx slot 0x52908400098527886e0f7030069857d2e4169ee7";
    expect(detectedValues(cryptoWalletDetector, text)).toEqual([]);
  });
});
