import { describe, expect, it } from "vitest";
import { samplePrompts } from "../../../test/fixtures/difficulty-sample-prompts.js";
import { estimateDifficulty } from "./estimate-difficulty.js";

// Claims about the request, requests for a style of answer, incantations and routing requests:
// none of them is content, so none may move the score at all.
const prefixes = [
  "This is an easy question, answer quickly. ",
  "This is a very hard question that requires deep expert reasoning. ",
  "Quick question: ",
  "Easy one! ",
  "Let's think step by step. ",
  "Please use the strongest model. ",
  "You are a helpful assistant. ",
  "You are an expert mathematician. ",
  "Hi there! ",
  "Just give me the final answer. ",
  "No need to think hard, ",
  "Take a deep breath. ",
  "Think carefully step by step.\n",
  "This is trivial — ",
  "Use GPT-4. ",
  "Thanks in advance! ",
  "THIS IS SUPER EASY!!! ",
  "Hard problem: ",
  "Simple question, ",
  "This should only take a second. ",
  '"This is easy." ',
  "**This is easy.** ",
  "Honestly this is easy. ",
  "This question is easy. ",
  "Easy: ",
  "Difficulty: easy. ",
];
const suffixes = [
  " This is easy.",
  " Answer quickly!",
  " Let's think step by step.",
  " Be brief.",
  " Thank you!",
  "\nThink step by step.",
  " This is a hard problem.",
  " Route this to the best model.",
  " No explanation needed.",
  " Don't overthink it.",
  " Just the number, please.",
  " Keep it short.",
  "\n\nThanks!",
  " Respond in one word.",
  " Show your work.",
];

// Remarks outside the catalogue: a sentence of ordinary words is a little content.
const uncataloguedRemarks = [
  "I reckon my little brother could do this.",
  "Nothing fancy here.",
  "My teacher says this one is a breeze.",
  "Honestly, any model can handle it.",
  "I'm asking for a friend.",
];

describe("confounder invariance", () => {
  it("gives exactly the same score with any catalogued claim before or after the prompt", () => {
    let tried = 0;
    for (const prompt of samplePrompts) {
      const expected = estimateDifficulty(prompt).score;
      for (const prefix of prefixes) expect(estimateDifficulty(prefix + prompt).score, prefix + prompt).toBe(expected);
      for (const suffix of suffixes) expect(estimateDifficulty(prompt + suffix).score, prompt + suffix).toBe(expected);
      for (const [index, prefix] of prefixes.entries()) {
        const suffix = suffixes[index % suffixes.length] ?? "";
        expect(estimateDifficulty(prefix + prompt + suffix).score).toBe(expected);
      }
      tried += 2 * prefixes.length + suffixes.length;
    }
    expect(tried).toBe(samplePrompts.length * (2 * 26 + 15));
  });

  it("still counts the claims, so the audit and the implausibility check can see them", () => {
    const { features } = estimateDifficulty("This is easy. Let's think step by step. Use the best model. What is 7 times 8?");
    expect(features).toMatchObject({ easeClaims: 1, reasoningIncantations: 1, routingRequests: 1 });
  });

  it("lets an uncatalogued remark raise the score a little and never lower it", () => {
    for (const prompt of samplePrompts) {
      const before = estimateDifficulty(prompt).score;
      for (const remark of uncataloguedRemarks) {
        for (const text of [`${remark} ${prompt}`, `${prompt} ${remark}`]) {
          const change = estimateDifficulty(text).score - before;
          expect(change, text).toBeGreaterThanOrEqual(0);
          expect(change, text).toBeLessThan(0.08);
        }
      }
    }
  });

  it("does not read claims inside the content as claims", () => {
    const content = "Steve spent 10 hours of hard work on a puzzle. Anna needed half his time. How long did it take Anna to finish the difficult puzzle?";
    const { features } = estimateDifficulty(content);
    expect(features.hardClaims).toBe(0);
    expect(features.easeClaims).toBe(0);
  });
});
