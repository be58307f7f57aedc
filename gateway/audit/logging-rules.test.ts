import { describe, expect, it } from "vitest";
import { sampleReceipt } from "../../test/support/sample-receipt.js";
import { configSchema } from "../config/config-schema.js";
import { loggingChoice, trimReceipt } from "./logging-rules.js";

function logging(content: unknown, retention: unknown = {}) {
  return configSchema.parse({ logging: { content, retention } }).logging;
}

describe("logging rules", () => {
  it("keeps metadata only by default", () => {
    expect(loggingChoice(logging({}), "cloud", ["personal"])).toEqual({ level: "metadata", days: 30 });
  });

  it("applies the most private of the rules that match the route and any class", () => {
    const rules = logging({
      default: "metadata",
      rules: [
        { route: "local", keep: "full", days: 7 },
        { class: "health", keep: "none" },
        { route: "cloud", class: "personal", keep: "pseudonymized" },
      ],
    });
    expect(loggingChoice(rules, "local", [])).toEqual({ level: "full", days: 7 });
    expect(loggingChoice(rules, "local", ["health", "personal"])).toEqual({ level: "none", days: 30 });
    expect(loggingChoice(rules, "cloud", ["personal"])).toEqual({ level: "pseudonymized", days: 30 });
    expect(loggingChoice(rules, "cloud", [])).toEqual({ level: "metadata", days: 30 });
    expect(loggingChoice(rules, "blocked", ["secret"])).toEqual({ level: "metadata", days: 30 });
  });

  it("refuses an unknown level, route or class with the field's name", () => {
    expect(() => logging({ rules: [{ route: "moon", keep: "full" }] })).toThrow();
    expect(() => logging({ default: "everything" })).toThrow();
    expect(() => logging({}, { contentDays: 0 })).toThrow();
  });

  it("`none` trims what a receipt says about the content, not where it went", () => {
    const trimmed = trimReceipt(sampleReceipt({ requestId: "req_1" }));
    expect(trimmed).toMatchObject({ requestedModel: null, classes: [], findings: {}, responseFindings: null, routing: { reasons: [] }, route: "cloud", provider: "fake", redactions: 2 });
  });
});
