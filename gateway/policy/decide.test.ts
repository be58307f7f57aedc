import { describe, expect, it } from "vitest";
import type { FindingType } from "../../shared/findings.js";
import { decide, type DecisionInput } from "./decide.js";
import type { ModelTarget } from "./resolve-model.js";

const cloud: ModelTarget = { kind: "cloud", providerId: "acme", model: "big-1" };

function input(overrides: Partial<DecisionInput>): DecisionInput {
  return { target: cloud, countsByType: {}, detectorFailure: undefined, localAvailable: true, localOnly: false, policyVersion: "v", ...overrides };
}

describe("decide", () => {
  const table: Array<[string, Partial<DecisionInput>, { route: string; action: string; reason?: string }]> = [
    ["clean text goes where asked", {}, { route: "cloud", action: "forward" }],
    ["emails are pseudonymized", { countsByType: { EMAIL: 2 } }, { route: "cloud", action: "pseudonymize" }],
    ["a secret stays local", { countsByType: { SECRET: 1, EMAIL: 1 } }, { route: "local", action: "local-only", reason: "secret_found" }],
    ["a secret without a local model is blocked", { countsByType: { SECRET: 1 }, localAvailable: false }, { route: "blocked", action: "block", reason: "secret_found" }],
    ["an image stays local", { countsByType: { UNSCANNABLE_CONTENT: 1 } }, { route: "local", action: "local-only", reason: "unscannable_content" }],
    ["a detector failure never goes out", { detectorFailure: "boom", localAvailable: false }, { route: "blocked", action: "block", reason: "detector_failure" }],
    ["local-only mode keeps clean text local", { localOnly: true }, { route: "local", action: "local-only", reason: "local_only_mode" }],
    ["`local` is local", { target: { kind: "local" } }, { route: "local", action: "forward" }],
    ["`auto` is local until the router lands", { target: { kind: "auto" }, countsByType: { EMAIL: 1 } }, { route: "local", action: "forward" }],
  ];

  it.each(table)("%s", (_name, overrides, expected) => {
    const decision = decide(input(overrides));
    expect(decision.route).toBe(expected.route);
    expect(decision.action).toBe(expected.action);
    if (expected.reason) expect(decision.reasons.map((reason) => reason.code)).toContain(expected.reason);
    expect(decision.policyVersion).toBe("v");
    expect(decision.providerId === undefined).toBe(expected.route !== "cloud");
  });

  it("never loosens when more findings are added", () => {
    const strictness = { cloud: 0, local: 1, blocked: 2 } as const;
    const types: FindingType[] = ["EMAIL", "SECRET", "UNSCANNABLE_CONTENT", "PHONE"];
    for (let mask = 0; mask < 1 << types.length; mask++) {
      const counts: Partial<Record<FindingType, number>> = {};
      types.forEach((type, bit) => {
        if (mask & (1 << bit)) counts[type] = 1;
      });
      for (const localAvailable of [true, false]) {
        const base = decide(input({ countsByType: counts, localAvailable }));
        for (const extra of types) {
          const more = decide(input({ countsByType: { ...counts, [extra]: (counts[extra] ?? 0) + 1 }, localAvailable }));
          expect(strictness[more.route]).toBeGreaterThanOrEqual(strictness[base.route]);
        }
      }
    }
  });
});
