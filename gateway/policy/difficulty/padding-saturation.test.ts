import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../../test/fakes/seeded-random.js";
import { samplePrompts } from "../../../test/fixtures/difficulty-sample-prompts.js";
import { difficultyWeights } from "./difficulty-weights.js";
import { estimateDifficulty } from "./estimate-difficulty.js";

const { intercept, groupCeilings, referenceScores } = difficultyWeights;
const sigmoid = (logit: number) => 1 / (1 + Math.exp(-logit));

/** Sentences of random words from `vocabulary`, about `characters` long in all. */
function filler(vocabulary: string, characters: number, seed: number): string {
  const words = vocabulary.split(" ");
  const random = createSeededRandom(seed);
  const sentences: string[] = [];
  for (let length = 0; length < characters; ) {
    const sentence = `${Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(" ")}.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(" ");
}

const lorem = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud";
const jargon = "synergy leverage holistic paradigm stakeholder alignment scalable robust framework ecosystem bandwidth deliverable roadmap agile disruptive innovation the a of to our we will";
// Ordinary English that is full of the reasoning cue words (more, than, if, then, each, ...).
const cueRichEnglish = "the more than if then each when given first same and but which because while it was not less most after before every until again a of to in on that this";

describe("padding saturation", () => {
  const easy = "What is the capital of France?";

  it("ignores repetition: a prompt pasted 200 times scores as the prompt once", () => {
    for (const prompt of samplePrompts) expect(estimateDifficulty(Array(200).fill(prompt).join("\n")).score).toBe(estimateDifficulty(prompt).score);
  });

  it("ignores repeated incantations and claims of difficulty, however many", () => {
    const expected = estimateDifficulty(easy).score;
    expect(estimateDifficulty(`${"Think step by step. ".repeat(1000)}${easy}`).score).toBe(expected);
    expect(estimateDifficulty(`${"This is a very hard question that requires deep expert reasoning. ".repeat(1000)}${easy}`).score).toBe(expected);
  });

  it("keeps prose filler of any length under the prose ceiling, below the top-20% GSM8K score", () => {
    // Guarantee: text that adds only prose (no quantities, reasoning cues, code, formal math or
    // jargon) raises the logit by at most groupCeilings.prose.
    const bound = sigmoid(intercept + groupCeilings.prose);
    expect(bound).toBeLessThan(referenceScores.top20Percent);
    for (const [seed, vocabulary] of [lorem, jargon].entries()) {
      for (const characters of [2_000, 20_000, 100_000]) {
        expect(estimateDifficulty(`${easy} ${filler(vocabulary, characters, seed)}`).score).toBeLessThanOrEqual(bound + 1e-12);
      }
    }
  });

  it("keeps cue-rich filler without numbers or code below the top-5% GSM8K score", () => {
    const bound = sigmoid(intercept + groupCeilings.prose + groupCeilings.reasoning);
    expect(bound).toBeLessThan(referenceScores.top5Percent);
    for (const characters of [2_000, 100_000]) {
      expect(estimateDifficulty(`${easy} ${filler(cueRichEnglish, characters, 7)}`).score).toBeLessThanOrEqual(bound + 1e-12);
    }
  });

  it("bounds every text, however crafted, below 1", () => {
    const bound = sigmoid(intercept + Object.values(groupCeilings).reduce((sum, ceiling) => sum + ceiling, 0));
    expect(bound).toBeLessThan(0.95);
    const everything = Array.from({ length: 3000 }, (_, index) => `Line ${index}: if x > ${index} then return half of ${index}/2 percent of the algorithm's latency; // prove it`).join("\n");
    expect(estimateDifficulty(everything).score).toBeLessThanOrEqual(bound + 1e-12);
  });
});
