import { beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { configuredDetectors } from "../detection/configured-detectors.js";
import { warmEntityLexicons } from "../detection/entities/warm-lexicons.js";
import { estimateDifficulty } from "../policy/difficulty/estimate-difficulty.js";
import { policyVersion } from "../policy/policy-version.js";
import { SpendLedger } from "../policy/spend-ledger.js";
import { dryRun, dryRunDependencies } from "./dry-run.js";

function runFor(kind: "anthropic" | "openai-compatible", baseUrl: string) {
  const config = configSchema.parse({ providers: [{ id: "cloud", kind, baseUrl, models: ["big-model"] }] });
  const dependencies = dryRunDependencies(config, {
    policyVersion: policyVersion(config),
    detectors: configuredDetectors(config.detection),
    estimateDifficulty,
    localOnly: () => false,
    budgets: new SpendLedger(config),
    pseudonymSecret: Buffer.alloc(32, 4),
  });
  return dryRun(JSON.stringify({ messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Say hello." }], max_tokens: 50 }), { model: "cloud/big-model", client: "default" }, dependencies);
}

describe("dry run", () => {
  beforeAll(() => warmEntityLexicons());

  it("shows the Messages URL and body an Anthropic provider would receive", () => {
    const result = runFor("anthropic", "https://api.anthropic.com/v1");
    expect(result.decision.route).toBe("cloud");
    expect(result.outbound).toEqual({
      url: "https://api.anthropic.com/v1/messages",
      body: { model: "big-model", max_tokens: 50, system: [{ type: "text", text: "Be brief." }], messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }], stream: true },
    });
  });

  it("shows the chat-completions URL and body an OpenAI-compatible provider would receive", () => {
    const result = runFor("openai-compatible", "https://llm.example.com/v1/");
    expect(result.outbound?.url).toBe("https://llm.example.com/v1/chat/completions");
    expect(result.outbound?.body).toMatchObject({ model: "big-model", max_tokens: 50, messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Say hello." }] });
  });
});
