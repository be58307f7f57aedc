import { describe, expect, it } from "vitest";
import { foldCase } from "./fold-case.js";
import { KeywordSet } from "./keyword-set.js";

describe("keyword prefilter", () => {
  it("finds overlapping and contained keywords in one pass", () => {
    const keywords = new KeywordSet(["sk_live", "sk", "ve_", "ghp_", "hooks.slack.com"]);
    expect([...keywords.presentIn("token sk_live_abc")].sort()).toEqual(["sk", "sk_live", "ve_"]);
    expect([...keywords.presentIn("https://hooks.slack.com/services/x")]).toEqual(["hooks.slack.com"]);
    expect(keywords.presentIn("nothing here").size).toBe(0);
  });

  it("folds case without moving offsets, even around İ", () => {
    const text = "İstanbul API_KEY=Abc";
    const folded = foldCase(text);
    expect(folded.length).toBe(text.length);
    expect(folded.indexOf("api_key")).toBe(text.indexOf("API_KEY"));
  });
});
