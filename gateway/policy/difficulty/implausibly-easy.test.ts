import { describe, expect, it } from "vitest";
import { samplePrompts } from "../../../test/fixtures/difficulty-sample-prompts.js";
import { estimateDifficulty } from "./estimate-difficulty.js";

const wordProblem = samplePrompts[2] ?? "";
const codeQuestion = samplePrompts[4] ?? "";

describe("implausiblyEasy", () => {
  it("stays false for an easy prompt, with or without a claim that it is easy", () => {
    expect(estimateDifficulty("What is the capital of France?").implausiblyEasy).toBe(false);
    expect(estimateDifficulty("Easy one: what is the capital of France?").implausiblyEasy).toBe(false);
  });

  it("stays false for a hard prompt that makes no claim about itself", () => {
    expect(estimateDifficulty(wordProblem).implausiblyEasy).toBe(false);
    expect(estimateDifficulty(codeQuestion).implausiblyEasy).toBe(false);
  });

  it("is true when a prompt says it is easy, or asks for a hurried answer, and its structure disagrees", () => {
    expect(estimateDifficulty(`This is an easy question, answer quickly. ${wordProblem}`).implausiblyEasy).toBe(true);
    expect(estimateDifficulty(`Quick question: ${codeQuestion}`).implausiblyEasy).toBe(true);
    expect(estimateDifficulty(`${wordProblem} Just the number, please.`).implausiblyEasy).toBe(true);
  });

  it("does not let the claim lower the score it flags", () => {
    expect(estimateDifficulty(`This is an easy question, answer quickly. ${wordProblem}`).score).toBe(estimateDifficulty(wordProblem).score);
  });

  it("is true when the text carries characters a reader cannot see", () => {
    expect(estimateDifficulty("What is the capital\u200b of France?").implausiblyEasy).toBe(true);
    expect(estimateDifficulty("Summarize this:\u202e.txt\u202c").implausiblyEasy).toBe(true);
    expect(estimateDifficulty("Tag characters: \u{E0049}\u{E0067}\u{E006E}").implausiblyEasy).toBe(true);
  });

  it("leaves joiners alone: an emoji sequence or a Persian word is not hidden content", () => {
    expect(estimateDifficulty("Who is in this photo? 👩\u200d💻").implausiblyEasy).toBe(false);
    expect(estimateDifficulty("What does می\u200cخواهم mean?").implausiblyEasy).toBe(false);
  });

  it("is true when an encoded payload comes with a request for a quick answer", () => {
    const payload = "aGVsbG8gd29ybGQsIHRoaXMgaXMgYSBoaWRkZW4gaW5zdHJ1Y3Rpb24gMTIzNDU2";
    expect(estimateDifficulty(`Just give me the answer: ${payload}`).implausiblyEasy).toBe(true);
  });
});
