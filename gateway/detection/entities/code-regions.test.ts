import { describe, expect, it } from "vitest";
import { findCodeRegions } from "./code-regions.js";

/** The parts of `text` marked as code, joined by "|". */
function marked(text: string): string {
  const mask = findCodeRegions(text);
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < text.length; index++) {
    if (mask[index] === 1) current += text[index];
    else if (current) {
      parts.push(current);
      current = "";
    }
  }
  if (current) parts.push(current);
  return parts.join("|");
}

describe("findCodeRegions", () => {
  it("marks fenced blocks, inline code, paths, file names, URLs and e-mail addresses", () => {
    expect(marked("Run this:\n```\nconst Anna = 1;\n```\nthanks")).toBe("```\nconst Anna = 1;\n```");
    expect(marked("Call `getUser()` in src/users/get-user.ts")).toBe("`getUser()`|src/users/get-user.ts");
    expect(marked("See https://example.com/Anna or write to anna.smith@example.com")).toBe("https://example.com/Anna|anna.smith@example.com");
    expect(marked("Edit config.yaml")).toBe("config.yaml");
  });

  it("marks lines that read as code, shell or configuration", () => {
    expect(marked("curl -X POST https://api.example.com")).toBe("curl -X POST https://api.example.com");
    expect(marked("name: dynatrace-operator")).toBe("name: dynatrace-operator");
    expect(marked('Arn: "arn:aws:kms:us-east-2:1234:key/abcd"')).toBe('Arn: "arn:aws:kms:us-east-2:1234:key/abcd"');
    expect(marked("if (user) { return user.name; }")).toBe("if (user) { return user.name; }");
  });

  it("leaves prose, forms and dialogue alone", () => {
    expect(marked("Name:    Nayla Montero\nAddress: 12 Main Street")).toBe("");
    expect(marked('Vsevolod: "Who are you?"')).toBe("");
    expect(marked("Dear Anna, the meeting is on Monday (at noon).")).toBe("");
    expect(marked("Ledger > > > > > Every Joker ever")).toBe("");
  });
});
