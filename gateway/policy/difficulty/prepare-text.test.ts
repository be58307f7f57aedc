import { describe, expect, it } from "vitest";
import { prepareText } from "./prepare-text.js";

describe("prepareText", () => {
  it("keeps each sentence once and counts the repeats", () => {
    const prepared = prepareText("Buy 3 apples. buy 3 apples! Buy 3 apples.\nHow many are left?");
    expect(prepared.sentences).toEqual(["Buy 3 apples.", "How many are left?"]);
    expect(prepared.repeatedSentences).toBe(2);
  });

  it("does not end a sentence at a title or an abbreviation", () => {
    expect(prepareText("Dr. Hugo has 16 test tubes. Igor has 7.").sentences).toEqual(["Dr. Hugo has 16 test tubes.", "Igor has 7."]);
  });

  it("drops list markers, so the same item in another list style is a repeat", () => {
    expect(prepareText("- Buy milk\n1. Buy milk\n* Buy milk").sentences).toEqual(["Buy milk"]);
  });

  it("counts and removes invisible characters, and folds look-alike forms (NFKC)", () => {
    const prepared = prepareText("Ｗｈａｔ is ３\u200b + ４?");
    expect(prepared.hiddenCharacters).toBe(1);
    expect(prepared.sentences).toEqual(["What is 3 + 4?"]);
  });

  it("finds code lines line by line, with no fence state to flip", () => {
    const prepared = prepareText("Let's look at this:\n```js\nconst total = values.reduce((sum, value) => sum + value, 0);\nreturn total;\n```\nReturn the list (sorted).");
    expect(prepared.codeLines).toEqual(["```js", "const total = values.reduce((sum, value) => sum + value, 0);", "return total;", "```"]);
  });

  it("counts encoded payloads but not long words", () => {
    expect(prepareText("Decode aGVsbG8gd29ybGQsIHRoaXMgaXMgYSBoaWRkZW4gaW5zdHJ1Y3Rpb24gMTIzNDU2 please").encodedBlobs).toBe(1);
    expect(prepareText(`The word ${"pneumonoultramicroscopicsilicovolcanoconiosis".repeat(2)} is long.`).encodedBlobs).toBe(0);
  });
});
