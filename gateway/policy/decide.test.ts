import { describe, expect, it } from "vitest";
import type { FindingType } from "../../shared/findings.js";
import { actionRank, type SensitivityClass } from "../../shared/policy.js";
import { configSchema, type DataPolicy } from "../config/config-schema.js";
import { decide, type CloudTarget, type DecisionInput } from "./decide.js";

const strong: CloudTarget = { kind: "cloud", providerId: "acme", model: "big-1" };
const euZeroRetention: DataPolicy = { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" };
const usThirtyDays: DataPolicy = { retentionDays: 30, trainsOnData: false, zeroDataRetention: false, region: "us" };

function input(overrides: Partial<DecisionInput> & { config?: Record<string, unknown> } = {}): DecisionInput {
  const config = configSchema.parse(overrides.config ?? {});
  return {
    target: strong,
    countsByType: {},
    categories: new Set(),
    detectorFailure: undefined,
    difficulty: 0.2,
    implausiblyEasy: false,
    policy: config.policy,
    routing: { strong: undefined, weak: { kind: "local" }, threshold: 0.5 },
    dataPolicies: new Map([["acme", euZeroRetention], ["cheap", usThirtyDays]]),
    localAvailable: true,
    localOnly: false,
    budgets: { exceeded: () => undefined },
    whenBudgetExceeded: "local",
    policyVersion: "v",
    ...overrides,
  };
}

describe("decide: the built-in policy", () => {
  const table: Array<[string, Partial<DecisionInput>, { route: string; action: string; reason?: string }]> = [
    ["clean text goes where asked", {}, { route: "cloud", action: "forward" }],
    ["personal data is pseudonymized", { countsByType: { EMAIL: 2, PERSON: 1 } }, { route: "cloud", action: "pseudonymize", reason: "pseudonymized" }],
    ["a secret stays local", { countsByType: { SECRET: 1, EMAIL: 1 } }, { route: "local", action: "local-only", reason: "class_secret" }],
    ["a secret without a local model is blocked", { countsByType: { SECRET: 1 }, localAvailable: false }, { route: "blocked", action: "block", reason: "no_local_model" }],
    ["a card number stays local", { countsByType: { CREDIT_CARD: 1 } }, { route: "local", action: "local-only", reason: "class_financial" }],
    ["health narrative stays local", { categories: new Set<SensitivityClass>(["health"]) }, { route: "local", action: "local-only", reason: "class_health" }],
    ["an image stays local", { countsByType: { UNSCANNABLE_CONTENT: 1 } }, { route: "local", action: "local-only", reason: "class_unscannable" }],
    ["a detector failure never goes out", { detectorFailure: "boom", localAvailable: false }, { route: "blocked", action: "block", reason: "detector_failure" }],
    ["local-only mode keeps clean text local", { localOnly: true }, { route: "local", action: "forward", reason: "local_only_mode" }],
    ["`local` is local", { target: { kind: "local" } }, { route: "local", action: "forward", reason: "requested_local" }],
    ["`auto` without a strong model is local", { target: { kind: "auto" }, difficulty: 0.9 }, { route: "local", action: "forward", reason: "routed_weak" }],
    ["an unknown provider is never sent to", { target: { kind: "cloud", providerId: "ghost", model: "m" } }, { route: "local", action: "forward", reason: "unknown_provider" }],
  ];

  it.each(table)("%s", (_name, overrides, expected) => {
    const decision = decide(input(overrides));
    expect(decision.route).toBe(expected.route);
    expect(decision.action).toBe(expected.action);
    if (expected.reason) expect(decision.reasons.map((reason) => reason.code)).toContain(expected.reason);
    expect(decision.policyVersion).toBe("v");
    expect(decision.providerId === undefined).toBe(expected.route !== "cloud");
  });

  it("routes `auto` by difficulty against the threshold, and treats implausibly easy as hard", () => {
    const routing = { strong, weak: { kind: "local" } as const, threshold: 0.5 };
    expect(decide(input({ target: { kind: "auto" }, routing, difficulty: 0.7 }))).toMatchObject({ route: "cloud", tier: "strong", providerId: "acme" });
    expect(decide(input({ target: { kind: "auto" }, routing, difficulty: 0.3 }))).toMatchObject({ route: "local", tier: "weak" });
    expect(decide(input({ target: { kind: "auto" }, routing, difficulty: 0.1, implausiblyEasy: true }))).toMatchObject({ route: "cloud", tier: "strong" });
    // A hard prompt with a secret still stays local: the tier never overrides privacy.
    expect(decide(input({ target: { kind: "auto" }, routing, difficulty: 0.9, countsByType: { SECRET: 1 } }))).toMatchObject({ route: "local" });
  });

  it("checks the destination's data terms against the class requirements", () => {
    const config = { policy: { require: { personal: { zeroDataRetention: true, regions: ["eu"] } } } };
    expect(decide(input({ config, countsByType: { EMAIL: 1 } })).route).toBe("cloud");
    const toCheap = decide(input({ config, countsByType: { EMAIL: 1 }, target: { kind: "cloud", providerId: "cheap", model: "m" } }));
    expect(toCheap.route).toBe("local");
    expect(toCheap.reasons.find((reason) => reason.code === "provider_terms_insufficient")?.message).toMatch(/zero data retention/);
    // Clean text is not personal, so the requirement does not apply.
    expect(decide(input({ config, target: { kind: "cloud", providerId: "cheap", model: "m" } })).route).toBe("cloud");
  });

  it("answers locally or refuses past a budget, as configured", () => {
    const budgets = { exceeded: (provider: string) => (provider === "acme" ? "The daily budget for acme ($1.00) is spent" : undefined) };
    expect(decide(input({ budgets }))).toMatchObject({ route: "local" });
    expect(decide(input({ budgets, whenBudgetExceeded: "block" }))).toMatchObject({ route: "blocked" });
  });

  it("lets the user move a type to the public class, and the gate then allows it as is", () => {
    const decision = decide(input({ config: { policy: { types: { URL: "public" } } }, countsByType: { URL: 2, EMAIL: 1 } }));
    expect(decision.route).toBe("cloud");
    expect([...decision.forwardTypes]).toEqual(["URL"]);
    expect([...decision.pseudonymizeTypes]).toEqual(["EMAIL"]);
    // Secrets keep their class whatever the config says.
    expect(decide(input({ config: { policy: { types: { SECRET: "public" } } }, countsByType: { SECRET: 1 } })).route).toBe("local");
  });
});

describe("decide: monotone privacy", () => {
  const strictness = { cloud: 0, local: 1, blocked: 2 } as const;
  const types: FindingType[] = ["EMAIL", "SECRET", "UNSCANNABLE_CONTENT", "CREDIT_CARD", "PERSON", "URL"];
  const categories: SensitivityClass[] = ["health", "legal", "financial"];

  it("never loosens the route or the action when findings or categories are added (exhaustive over small sets)", () => {
    let pairs = 0;
    for (let mask = 0; mask < 1 << (types.length + categories.length); mask++) {
      const counts: Partial<Record<FindingType, number>> = {};
      types.forEach((type, bit) => {
        if (mask & (1 << bit)) counts[type] = 1;
      });
      const present = new Set(categories.filter((_, bit) => mask & (1 << (types.length + bit))));
      for (const localAvailable of [true, false]) {
        for (const target of [strong, { kind: "auto" as const }]) {
          const routing = { strong, weak: { kind: "local" } as const, threshold: 0.5 };
          const base = decide(input({ countsByType: counts, categories: present, localAvailable, target, routing, difficulty: 0.8 }));
          const additions = [...types.map((type) => ({ countsByType: { ...counts, [type]: (counts[type] ?? 0) + 1 }, categories: present })), ...categories.map((category) => ({ countsByType: counts, categories: new Set([...present, category]) }))];
          for (const addition of additions) {
            const more = decide(input({ ...addition, localAvailable, target, routing, difficulty: 0.8 }));
            expect(strictness[more.route]).toBeGreaterThanOrEqual(strictness[base.route]);
            if (more.route === "cloud") expect(actionRank(more.action)).toBeGreaterThanOrEqual(actionRank(base.action));
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(10_000);
  });
});
