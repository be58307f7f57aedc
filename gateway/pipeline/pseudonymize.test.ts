import { describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { defaultDetectors } from "../detection/detect.js";
import { classify } from "./classify.js";
import { extractTextSlots } from "./extract.js";
import { pseudonymize } from "./pseudonymize.js";

function sampleCall(): ChatCall {
  return {
    model: "m",
    messages: [
      { role: "system", content: "Reply to bob@corp.example politely." },
      { role: "user", content: [{ type: "text", text: "Mail bob@corp.example and eve@corp.example; [EMAIL_1] is literal." }] },
      { role: "assistant", content: null, toolCalls: [{ id: "c1", type: "function", function: { name: "send", arguments: '{"to":"eve@corp.example"}' } }] },
      { role: "tool", content: "sent to eve@corp.example", toolCallId: "c1" },
    ],
    tools: [{ type: "function", function: { name: "send", description: "Send mail, e.g. to bob@corp.example", parameters: { type: "object", properties: { to: { type: "string", description: "like eve@corp.example" } } } } }],
    stop: ["bob@corp.example"],
  };
}

describe("pseudonymize", () => {
  it("replaces every finding in every text field with a stable placeholder", () => {
    const call = sampleCall();
    const extraction = extractTextSlots(call);
    const result = pseudonymize(extraction, classify(extraction, defaultDetectors));
    const serialized = JSON.stringify(call);
    expect(serialized).not.toContain("@corp.example");
    expect(result.replacements).toBe(8);
    // The literal [EMAIL_1] in the prompt is never reused as a placeholder.
    const bob = result.map.placeholderFor("EMAIL", "bob@corp.example");
    expect(bob).toBe("[EMAIL_2]");
    expect(result.map.originalFor("[EMAIL_3]")).toBe("eve@corp.example");
    expect(call.messages[0]?.content).toBe("Reply to [EMAIL_2] politely.");
    expect(call.messages[2]?.toolCalls?.[0]?.function.arguments).toBe('{"to":"[EMAIL_3]"}');
    expect(call.stop).toEqual(["[EMAIL_2]"]);
  });

  it("gives the same value the same placeholder on every turn of a conversation", () => {
    const first = sampleCall();
    const second = sampleCall();
    second.messages.push({ role: "user", content: "and cc carol@corp.example" });
    const a = extractTextSlots(first);
    const b = extractTextSlots(second);
    const mapA = pseudonymize(a, classify(a, defaultDetectors)).map;
    const mapB = pseudonymize(b, classify(b, defaultDetectors)).map;
    expect(mapB.originalFor("[EMAIL_2]")).toBe(mapA.originalFor("[EMAIL_2]"));
    expect(mapB.originalFor("[EMAIL_3]")).toBe(mapA.originalFor("[EMAIL_3]"));
    expect(mapB.originalFor("[EMAIL_4]")).toBe("carol@corp.example");
  });

  it("marks images and other unscannable parts as findings", () => {
    const call: ChatCall = { model: "m", messages: [{ role: "user", content: [{ type: "image_url", data: { url: "data:image/png;base64,AAAA" } }] }] };
    const classification = classify(extractTextSlots(call), defaultDetectors);
    expect(classification.countsByType.UNSCANNABLE_CONTENT).toBe(1);
  });
});

describe("pseudonymize in JSON text", () => {
  it("keeps tool-call arguments valid JSON when a finding starts or ends at an escape", () => {
    const values = ["*** Begin Patch\n+ada.lovelace@example.org\n", "to:\tbob@corp.example\u00e9", "x\\\nnina@corp.example"];
    const call: ChatCall = {
      model: "m",
      messages: values.map((input, index) => ({ role: "assistant" as const, content: null, toolCalls: [{ id: `c${index}`, type: "function" as const, function: { name: "apply_patch", arguments: JSON.stringify({ input }) } }] })),
    };
    const extraction = extractTextSlots(call);
    const result = pseudonymize(extraction, classify(extraction, defaultDetectors));
    expect(result.replacements).toBeGreaterThanOrEqual(3);
    for (const [index, message] of call.messages.entries()) {
      const text = message.toolCalls?.[0]?.function.arguments ?? "";
      expect(text).not.toMatch(/lovelace|bob@|nina@/);
      const parsed = JSON.parse(text) as { input: string };
      // Restoring each placeholder gives back exactly what the client wrote.
      const restored = parsed.input.replace(/\[EMAIL_\d+\]/g, (placeholder) => result.map.originalFor(placeholder) ?? placeholder);
      expect(restored).toBe(values[index]);
    }
  });
  it("replaces a value an escaped invisible character splits, and leaves none of it in clear", () => {
    // The client's JSON carries `\u200b` as six characters; it hides the address as well as U+200B.
    const argumentsText = '{"to":"ada.lovelace\\u200b@example.org","key":"sk-proj-abcdefghijklmnop\\u00adqrstuvwxyz0123456789ABCDEFGHIJ"}';
    const call: ChatCall = { model: "m", messages: [{ role: "assistant", content: null, toolCalls: [{ id: "c1", type: "function", function: { name: "send", arguments: argumentsText } }] }] };
    const extraction = extractTextSlots(call);
    const classification = classify(extraction, defaultDetectors);
    expect(classification.countsByType.SECRET).toBe(1);
    pseudonymize(extraction, classification);
    const sent = call.messages[0]?.toolCalls?.[0]?.function.arguments ?? "";
    expect(sent).not.toMatch(/lovelace|example\.org|abcdefghijklmnop/);
    expect(() => JSON.parse(sent)).not.toThrow();
  });
});
