import { describe, expect, it } from "vitest";
import { looksLikePassword, looksLikeSecretToken, looksLikeStrongToken } from "./value-shape.js";

describe("value shapes", () => {
  it("takes machine-made tokens, hex keys and UUIDs as tokens", () => {
    for (const value of ["Hy8fK2pQx7LmN4vRt9ZbW3cJ", "0278fc1adf6dc1d82a156f306ce2c5cc", "c2321bd2-5a8f-46f2-b8fb-dbc706bd6923", "p8e-ibndcvsmAp9ZgPBZ606FSlYIZVlsZ-g5"]) {
      expect(looksLikeSecretToken(value), value).toBe(true);
    }
  });

  it("refuses words, identifiers, paths, links, versions, dates and numbers as tokens", () => {
    const ordinary = [
      "accessToken",
      "my-api-key-name",
      "org.example.Service",
      "config.yaml",
      "/etc/ssl/private/key.pem",
      "https://example.com/token",
      "user@example.com",
      "v1.2.3",
      "2024-05-01T10:00:00Z",
      "8080",
      "abcdef0123456789",
      "short1",
    ];
    for (const value of ordinary) expect(looksLikeSecretToken(value), value).toBe(false);
  });

  it("asks more of a value beside a name that only hints at a credential", () => {
    expect(looksLikeStrongToken("5524bf449ca45fcace54698371466398321f3a82")).toBe(true);
    expect(looksLikeStrongToken("visionmedia")).toBe(false);
    expect(looksLikeStrongToken("f395accd245ae53d")).toBe(false);
  });

  it("takes chosen passwords but not literals, slots, selectors or sentences", () => {
    for (const value of ["hunter2", "open sesame", "whiteduke", "Pass123!@#", "#gets0m3"]) expect(looksLikePassword(value), value).toBe(true);
    for (const value of ["true", "string", "password", "123", "#add-password", "0x02", "/var/run/secret", "Password must be at least eight characters"]) {
      expect(looksLikePassword(value), value).toBe(false);
    }
  });
});
