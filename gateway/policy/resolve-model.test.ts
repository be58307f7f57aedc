import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { resolveModel } from "./resolve-model.js";

const config = configSchema.parse({
  providers: [
    { id: "openai", kind: "openai", baseUrl: "https://api.openai.com/v1", models: ["gpt-4o", { id: "gpt-4o-mini", inputPerMillion: 0.15 }] },
    { id: "together", kind: "openai-compatible", baseUrl: "https://api.together.xyz/v1", models: ["meta-llama/Llama-3-70b"] },
  ],
  aliases: { "claude-sonnet-4": "openai/gpt-4o", fast: "gpt-4o-mini" },
});

describe("resolveModel", () => {
  it.each([
    ["auto", { kind: "auto" }],
    ["local", { kind: "local" }],
    ["openai/gpt-4o", { kind: "cloud", providerId: "openai", model: "gpt-4o" }],
    ["together/meta-llama/Llama-3-70b", { kind: "cloud", providerId: "together", model: "meta-llama/Llama-3-70b" }],
    ["gpt-4o-mini", { kind: "cloud", providerId: "openai", model: "gpt-4o-mini" }],
    ["claude-sonnet-4", { kind: "cloud", providerId: "openai", model: "gpt-4o" }],
    ["fast", { kind: "cloud", providerId: "openai", model: "gpt-4o-mini" }],
  ])("%s", (name, expected) => {
    expect(resolveModel(name, config)).toEqual(expected);
  });

  it.each(["gpt-5", "unknown/gpt-4o", "openai/", "/gpt-4o", ""])("refuses %j", (name) => {
    expect(resolveModel(name, config)).toBeUndefined();
  });
});
