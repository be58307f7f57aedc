import { describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { extractTextSlots } from "./extract.js";

describe("extractTextSlots", () => {
  it("scans a file's name (sent as a PDF's title) and can rewrite it, while the file itself stays opaque", () => {
    const call: ChatCall = {
      model: "m",
      messages: [{ role: "user", content: [{ type: "file", data: { file_data: "data:application/pdf;base64,AAAA", filename: "Jane Doe lab results.pdf" } }] }],
    };
    const { slots, opaqueParts } = extractTextSlots(call);
    expect(opaqueParts).toEqual(["messages[0].content[0]"]);
    const filename = slots.find((slot) => slot.path === "messages[0].content[0].file.filename");
    expect(filename?.get()).toBe("Jane Doe lab results.pdf");
    filename?.set("[PERSON_1] lab results.pdf");
    const part = call.messages[0]?.content;
    expect(Array.isArray(part) && part[0]?.type === "file" ? part[0].data.filename : undefined).toBe("[PERSON_1] lab results.pdf");
  });
});
