import { describe, expect, it } from "vitest";
import { shapeOf, tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("keeps names with apostrophes and hyphens whole, and splits the possessive off", () => {
    expect(tokenize("O'Brien met Jean-Pierre at Wendy's.").map((token) => token.text)).toEqual(["O'Brien", "met", "Jean-Pierre", "at", "Wendy", "'", "s", "."]);
  });

  it("reads plain ASCII words and the words that need the full pattern alike", () => {
    expect(tokenize("Anna_2 sent 42 files; naïve café-bar rock’n’roll x\u0301y end.").map((token) => token.text)).toEqual([
      "Anna_2", "sent", "42", "files", ";", "naïve", "café-bar", "rock’n’roll", "x\u0301y", "end", ".",
    ]);
  });

  it("gives UTF-16 offsets, past emoji and astral characters", () => {
    const text = "👍 Zoë";
    const [thumb, name] = tokenize(text);
    expect(thumb?.text).toBe("👍");
    expect(name && text.slice(name.start, name.end)).toBe("Zoë");
  });

  it("marks line and sentence starts", () => {
    const tokens = tokenize("hello there. Anna\nBob: hi");
    const flags = Object.fromEntries(tokens.map((token) => [token.text, [token.lineStart, token.sentenceStart]]));
    expect(flags["Anna"]).toEqual([false, true]);
    expect(flags["Bob"]).toEqual([true, true]);
    expect(flags["there"]).toEqual([false, false]);
  });

  it("marks shouted lines, so capitals say nothing there", () => {
    expect(tokenize("THIS IS SO GOOD").every((token) => token.shouted)).toBe(true);
    expect(tokenize("I met ANNA today").some((token) => token.shouted)).toBe(false);
  });
});

describe("shapeOf", () => {
  it("tells title case, capitals, identifiers and mixed case apart", () => {
    expect(shapeOf("Anna")).toBe("title");
    expect(shapeOf("McDonald")).toBe("title");
    expect(shapeOf("Mayo-Walters")).toBe("title");
    expect(shapeOf("d'Angelo")).toBe("title");
    expect(shapeOf("ΛΕΥΚΩΣΙΑ")).toBe("upper");
    expect(shapeOf("GitHub")).toBe("mixed");
    expect(shapeOf("user_name")).toBe("identifier");
    expect(shapeOf("S3")).toBe("alphanumeric");
    expect(shapeOf("2024")).toBe("number");
    expect(shapeOf(":")).toBe("punctuation");
  });
});
