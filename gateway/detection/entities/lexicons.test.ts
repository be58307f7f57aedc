import { describe, expect, it } from "vitest";
import { readCities } from "./city-data.js";
import { classifyWord } from "./word-class.js";
import { places } from "./place-lexicon.js";
import { warmEntityLexicons } from "./index.js";

describe("lexicons", () => {
  it("load from the installed packages", () => {
    warmEntityLexicons();
    expect(readCities().length).toBeGreaterThan(100_000);
    expect(places().get("lappeenranta")?.kind).toBe("city");
    expect(places().get("deutschland")?.kind).toBe("country");
  });

  it("class words as names, ambiguous names, common words, stop words and unknown words", () => {
    expect(classifyWord("katrine")).toBe("first");
    expect(classifyWord("kowalczyk")).toBe("surname");
    expect(classifyWord("rose")).toBe("ambiguousFirst");
    expect(classifyWord("street")).toBe("common");
    expect(classifyWord("monday")).toBe("stop");
    expect(classifyWord("kubernetes")).toBe("stop");
    expect(classifyWord("szöllösy")).toBe("unknown");
  });

  it("reads German nouns as words only in German text", () => {
    expect(classifyWord("schule")).toBe("unknown");
    expect(classifyWord("schule", true)).toBe("common");
  });
});
