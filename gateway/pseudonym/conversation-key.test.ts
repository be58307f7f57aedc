import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../shared/chat.js";
import { conversationKey } from "./conversation-key.js";
import { PseudonymMap } from "./pseudonym-map.js";

const secret = Buffer.alloc(32, 1);
const opening: ChatMessage[] = [
  { role: "system", content: "You are a paralegal." },
  { role: "user", content: "Draft a letter to ada@example.com" },
];

function placeholderOf(client: string, messages: ChatMessage[], value = "ada@example.com"): string {
  return new PseudonymMap({ conversationKey: conversationKey(secret, client, messages) }).placeholderFor("EMAIL", value);
}

describe("keyed placeholders", () => {
  it("stay the same on every turn of a conversation, and after a restart", () => {
    const later = [...opening, { role: "assistant" as const, content: "Done." }, { role: "user" as const, content: "Now cc bob@example.com" }];
    expect(placeholderOf("cursor", later)).toBe(placeholderOf("cursor", opening));
    expect(placeholderOf("cursor", opening)).toMatch(/^\[EMAIL_\d{4}\]$/);
  });

  it("differ for another client or another conversation", () => {
    const values = Array.from({ length: 20 }, (_, index) => `person${index}@example.com`);
    const differentClient = values.filter((value) => placeholderOf("cursor", opening, value) !== placeholderOf("aider", opening, value));
    const otherOpening: ChatMessage[] = [{ role: "user", content: "Another matter entirely" }];
    const differentConversation = values.filter((value) => placeholderOf("cursor", opening, value) !== placeholderOf("cursor", otherOpening, value));
    // A keyed 4-digit number: an accidental match is possible, but not for most values.
    expect(differentClient.length).toBeGreaterThan(17);
    expect(differentConversation.length).toBeGreaterThan(17);
  });

  it("resolve collisions the same way every time", () => {
    const key = conversationKey(secret, "cursor", opening);
    const first = new PseudonymMap({ conversationKey: key });
    const second = new PseudonymMap({ conversationKey: key });
    const values = Array.from({ length: 500 }, (_, index) => `v${index}@example.com`);
    const a = values.map((value) => first.placeholderFor("EMAIL", value));
    const b = values.map((value) => second.placeholderFor("EMAIL", value));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(500);
  });
});
