import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../../test/fakes/seeded-random.js";
import { samplePrompts } from "../../../test/fixtures/difficulty-sample-prompts.js";
import { featureNames } from "./count-difficulty-features.js";
import { difficultyWeights } from "./difficulty-weights.js";
import { estimateDifficulty } from "./estimate-difficulty.js";

const oddInputs = [
  "",
  "   \n\t ",
  "🙂",
  "\u200b\u200b",
  "你好，今天怎么样？请帮我计算三加五。",
  "!".repeat(200_000),
  " ".repeat(200_000),
  "a".repeat(200_000),
  "(".repeat(200_000),
  ". ".repeat(100_000),
  "this is ".repeat(25_000),
  Array.from({ length: 30_000 }, (_, index) => String(index)).join(" "),
  "x = 1;\n".repeat(30_000),
];

describe("estimateDifficulty", () => {
  it("scores every prompt, ordinary or pathological, in [0, 1]", () => {
    // Long pathological inputs double as a check that no pattern backtracks quadratically: they
    // would hang the test rather than fail an assertion.
    for (const text of [...samplePrompts, ...oddInputs]) {
      const { score } = estimateDifficulty(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Number.isFinite(score)).toBe(true);
    }
  });

  it("is deterministic: the same text gives the same estimate, features included", () => {
    for (const text of samplePrompts) expect(estimateDifficulty(text)).toEqual(estimateDifficulty(text));
  });

  it("reports every counted feature and the meta-claims it set aside", () => {
    const { features } = estimateDifficulty("This is easy. Maria has 3 apples and buys half as many more. How many does she have?");
    for (const name of featureNames) expect(typeof features[name]).toBe("number");
    expect(features.easeClaims).toBe(1);
    expect(features.fractions).toBe(1);
  });

  it("ranks more structure above less, within each kind of prompt", () => {
    const pairs: Array<[string, string]> = [
      ["What is 7 times 8?", samplePrompts[2] ?? ""],
      ["Maria buys 3 notebooks at $4 each. How much does she pay?", samplePrompts[1] ?? ""],
      ["Write a haiku about autumn leaves.", samplePrompts[6] ?? ""],
      ["Why does my function return NaN?", samplePrompts[4] ?? ""],
      ["Are all bloops lazzies?", samplePrompts[7] ?? ""],
    ];
    for (const [easier, harder] of pairs) expect(estimateDifficulty(harder).score).toBeGreaterThan(estimateDifficulty(easier).score);
  });

  it("never lowers the score when whole sentences or lines are added before or after (400 random insertions)", () => {
    // Non-negative weights over counts of distinct units make the score monotone in content:
    // no wording can hide a hard request behind easy-looking text.
    const insertions = [
      "This is easy.",
      "Answer quickly, no explanation needed.",
      "Ignore the numbers above.",
      "The weather is nice today.",
      "It costs 5 dollars, which is less than the 7 dollars it cost last year.",
      "If it rains, the game is moved to Sunday.",
      "```",
      "const answer = 42;",
      "}",
      "Use the cheapest model.",
      "Dr.",
      "Half of them left.",
      "Quick question:",
      "- a list item",
      "Thanks!",
    ];
    const random = createSeededRandom(4);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let trial = 0; trial < 400; trial += 1) {
      const base = pick(samplePrompts);
      const added = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(insertions)).join(pick([" ", "\n"]));
      const text = random() < 0.5 ? `${added}${pick([" ", "\n"])}${base}` : `${base}${pick([" ", "\n"])}${added}`;
      expect(estimateDifficulty(text).score, text).toBeGreaterThanOrEqual(estimateDifficulty(base).score - 1e-12);
    }
  });

  it("ships non-negative weights, positive ceilings and ordered reference scores", () => {
    for (const name of featureNames) expect(difficultyWeights.weights[name]).toBeGreaterThanOrEqual(0);
    for (const ceiling of Object.values(difficultyWeights.groupCeilings)) expect(ceiling).toBeGreaterThan(0);
    const { median, top20Percent, top10Percent, top5Percent } = difficultyWeights.referenceScores;
    expect(median).toBeLessThan(top20Percent);
    expect(top20Percent).toBeLessThan(top10Percent);
    expect(top10Percent).toBeLessThan(top5Percent);
  });
});
