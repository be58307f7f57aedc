import { describe, expect, it } from "vitest";
import { isMaskedValue, isPlaceholderValue } from "./placeholder-value.js";

describe("placeholder values", () => {
  it("recognizes references, slots, masks and instructions", () => {
    const placeholders = [
      "$PASSWORD",
      "${DB_PASSWORD}",
      "$(cat secret.txt)",
      "%APPDATA_KEY%",
      "{{ vault_token }}",
      "<%= ENV['KEY'] %>",
      "#{password}",
      "<YOUR_KEY>",
      "&lt;YOURPASSWORD&gt;",
      "[Shared Access key goes here]",
      "{3}",
      "xxxxxxxx",
      "****",
      "sk-xxxx-xxxx",
      "changeme",
      "your-api-key-here",
      "YOUR_TOKEN",
      "enter-your-password",
      "aaaaaaaaaaaa",
      "0000-0000-0000",
      "null",
      "",
    ];
    for (const value of placeholders) expect(isPlaceholderValue(value), value).toBe(true);
  });

  it("keeps values that only look odd", () => {
    for (const value of ["hunter2", "open sesame", "Pseg2020", "s3cr3t-value", "El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5", "super$ecret"]) {
      expect(isPlaceholderValue(value), value).toBe(false);
    }
  });

  it("sees masks inside keys of a known format, but not runs of A (base64 zero bits)", () => {
    expect(isMaskedValue("xoxb-0000000000-0000000000000-abc")).toBe(true);
    expect(isMaskedValue("AKIA****************")).toBe(true);
    expect(isMaskedValue("AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid")).toBe(false);
  });
});
