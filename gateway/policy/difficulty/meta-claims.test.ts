import { describe, expect, it } from "vitest";
import { removeMetaClaims } from "./meta-claims.js";

describe("removeMetaClaims", () => {
  it.each([
    ["This is an easy question.", "easeClaims"],
    ["Quick question:", "easeClaims"],
    ["No need to think hard.", "easeClaims"],
    ["Even a child could answer this.", "easeClaims"],
    ["This is a very hard problem.", "hardClaims"],
    ["It requires deep expert reasoning.", "hardClaims"],
    ["Only a genius could solve this.", "hardClaims"],
    ["Answer quickly.", "answerStyle"],
    ["Just the number, please.", "answerStyle"],
    ["Keep it short.", "answerStyle"],
    ["Let's think step by step.", "reasoningIncantations"],
    ["Take a deep breath.", "reasoningIncantations"],
    ["Show your work.", "reasoningIncantations"],
    ["You are a helpful assistant.", "personas"],
    ["Act as a senior software engineer.", "personas"],
    ["Use the strongest model.", "routingRequests"],
    ["Route this to GPT-4o.", "routingRequests"],
    ["Thanks in advance!", "pleasantries"],
  ] as const)("cuts %j out and counts it as %s", (claim, kind) => {
    const { content, counts } = removeMetaClaims(`${claim} How many apples are left?`);
    expect(content.trim().replace(/^[.\s]+/, "")).toBe("How many apples are left?");
    expect(counts[kind]).toBe(1);
  });

  it("leaves content that only shares words with a claim", () => {
    for (const content of [
      "How long did it take Anna to finish the difficult puzzle?",
      "Steve put in 10 hours of hard work.",
      "Write a simple HTTP server in Go.",
      "The little one weighs 5 kg.",
      "Use the local model directory in the config file.",
      "She gave them a thank-you card.",
    ]) {
      const { counts } = removeMetaClaims(content);
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0), content).toBeLessThanOrEqual(content.includes("thank") ? 1 : 0);
    }
  });

  it("counts every occurrence, so a claim repeated many times is visible as such", () => {
    expect(removeMetaClaims("Think step by step. ".repeat(50)).counts.reasoningIncantations).toBe(50);
  });
});
