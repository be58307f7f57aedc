import { describe, expect, it } from "vitest";
import { providerConfigSchema } from "./config-schema.js";
import { parseConfigText } from "./load-config.js";

const provider = (baseUrl: string) => ({ id: "acme", kind: "openai-compatible", baseUrl, models: ["m"] });

describe("provider base URLs", () => {
  it("takes https anywhere and plain http only on this machine", () => {
    for (const baseUrl of ["https://api.openai.com/v1", "https://10.0.0.5:8443/v1", "http://127.0.0.1:9/v1", "http://localhost:11434/v1", "http://[::1]:8000/v1"]) {
      expect(providerConfigSchema.safeParse(provider(baseUrl)).success, baseUrl).toBe(true);
    }
    for (const baseUrl of ["http://api.openai.com/v1", "http://192.168.1.20:11434/v1", "http://127.0.0.1.example.org/v1"]) {
      const result = providerConfigSchema.safeParse(provider(baseUrl));
      expect(result.success, baseUrl).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("https");
    }
  });

  it("names the field when a config file has a remote http provider", () => {
    const attempt = () => parseConfigText("providers:\n  - id: acme\n    kind: openai\n    baseUrl: http://api.example.org/v1\n    models: [m]\n", "config.yaml");
    expect(attempt).toThrow(/providers\[0\]\.baseUrl: must use https/);
  });
});
