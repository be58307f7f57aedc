import { describe, expect, it } from "vitest";
import { anthropicMessagesRequestSchema } from "../../../shared/anthropic-schema.js";
import { extractTextSlots } from "../../pipeline/extract.js";
import { toChatCall } from "../../pipeline/to-chat-call.js";
import { anthropicToChatRequest } from "./to-chat-request.js";

const parse = (value: unknown) => anthropicMessagesRequestSchema.parse(value);

describe("anthropicToChatRequest", () => {
  it("translates system, tools, tool use and results, documents and settings", () => {
    const request = parse({
      model: "claude-sonnet-4-5-20250929",
      max_tokens: 300,
      system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
      stop_sequences: ["END"],
      temperature: 0.3,
      top_p: 0.8,
      top_k: 5,
      stream: true,
      metadata: { user_id: "user_1" },
      thinking: { type: "enabled", budget_tokens: 1024 },
      tools: [{ name: "weather", description: "Weather by city", input_schema: { type: "object", properties: { city: { type: "string" } } } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      messages: [
        { role: "user", content: "Weather in Bern?" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "The user wants weather.", signature: "sig" },
            { type: "text", text: "Checking." },
            { type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Bern" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "12 °C" }, { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBOR" } }] },
            { type: "document", source: { type: "text", media_type: "text/plain", data: "Forecast text." }, title: "Forecast", context: "From the office" },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" }, title: "report.pdf" },
            { type: "text", text: "And tomorrow?" },
          ],
        },
      ],
    });
    expect(anthropicToChatRequest(request)).toEqual({
      extensions: { thinking: { type: "enabled", budgetTokens: 1024 }, messageThinking: new Map([[2, [{ type: "thinking", thinking: "The user wants weather.", signature: "sig" }]]]) },
      model: "claude-sonnet-4-5-20250929",
      max_tokens: 300,
      stream: true,
      temperature: 0.3,
      top_p: 0.8,
      stop: ["END"],
      tools: [{ type: "function", function: { name: "weather", description: "Weather by city", parameters: { type: "object", properties: { city: { type: "string" } } } } }],
      tool_choice: "required",
      parallel_tool_calls: false,
      messages: [
        { role: "system", content: [{ type: "text", text: "Be brief." }] },
        { role: "user", content: "Weather in Bern?" },
        { role: "assistant", content: [{ type: "text", text: "Checking." }], tool_calls: [{ id: "toolu_1", type: "function", function: { name: "weather", arguments: '{"city":"Bern"}' } }] },
        { role: "tool", tool_call_id: "toolu_1", content: [{ type: "text", text: "12 °C" }] },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBOR" } },
            { type: "text", text: "Forecast\n\nFrom the office\n\nForecast text." },
            { type: "text", text: "report.pdf" },
            { type: "file", file: { file_data: "data:application/pdf;base64,JVBERi0x", filename: "report.pdf" } },
            { type: "text", text: "And tomorrow?" },
          ],
        },
      ],
    });
  });

  it("puts every text-bearing field where extraction finds it, and media among the unscannable parts", () => {
    const request = parse({
      model: "m",
      max_tokens: 5,
      system: "S-system",
      tools: [{ name: "t", description: "S-description", input_schema: { type: "object", properties: { q: { type: "string", description: "S-schema" } } } }],
      messages: [
        { role: "user", content: [{ type: "text", text: "S-user" }, { type: "document", source: { type: "content", content: [{ type: "text", text: "S-content-document" }] }, title: "S-title" }] },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "t", input: { q: "S-input" } }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "S-result" }, { type: "image", source: { type: "url", url: "https://example.org/x.png" } }] },
      ],
      stop_sequences: ["S-stop"],
    });
    const extraction = extractTextSlots(toChatCall(anthropicToChatRequest(request), "m"));
    const texts = extraction.slots.map((slot) => slot.get()).join("\n");
    for (const marker of ["S-system", "S-description", "S-schema", "S-user", "S-content-document", "S-title", "S-input", "S-result", "S-stop"]) expect(texts).toContain(marker);
    expect(extraction.opaqueParts).toHaveLength(1);
  });

  it("carries thinking to the assistant message it belongs to, where extraction scans its text", () => {
    const request = parse({
      model: "m",
      max_tokens: 5,
      thinking: { type: "enabled", budget_tokens: 2048 },
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: [{ type: "thinking", thinking: "S-thinking", signature: "sig-1" }, { type: "redacted_thinking", data: "opaque" }, { type: "text", text: "hello" }] },
        { role: "user", content: "again" },
      ],
    });
    const call = toChatCall(anthropicToChatRequest(request), "m");
    expect(call.thinking).toEqual({ type: "enabled", budgetTokens: 2048 });
    expect(call.messages[1]).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "hello" }],
      thinking: [
        { type: "thinking", thinking: "S-thinking", signature: "sig-1" },
        { type: "redacted_thinking", data: "opaque" },
      ],
    });
    const slots = extractTextSlots(call).slots;
    expect(slots.find((slot) => slot.get() === "S-thinking")?.path).toBe("messages[1].thinking[0].thinking");
    // Signatures and redacted data are the provider's own tokens, not text from the conversation.
    expect(slots.some((slot) => slot.get() === "sig-1" || slot.get() === "opaque")).toBe(false);
  });

  it("keeps a string content as it is and maps every tool choice", () => {
    const base = { model: "m", max_tokens: 5, messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "hello" }], tools: [{ name: "f", input_schema: { type: "object" } }] };
    expect(anthropicToChatRequest(parse(base)).messages).toEqual([{ role: "user", content: "hi" }, { role: "assistant", content: "hello" }]);
    const choice = (tool_choice: unknown) => anthropicToChatRequest(parse({ ...base, tool_choice })).tool_choice;
    expect(choice({ type: "auto" })).toBe("auto");
    expect(choice({ type: "none" })).toBe("none");
    expect(choice({ type: "tool", name: "f" })).toEqual({ type: "function", function: { name: "f" } });
  });

  it("refuses what it cannot carry faithfully, naming the field", () => {
    const refused = (value: unknown): string => {
      const result = anthropicMessagesRequestSchema.safeParse(value);
      return result.success ? "" : JSON.stringify(result.error.issues[0]?.path);
    };
    const base = { model: "m", max_tokens: 5, messages: [{ role: "user", content: "hi" }] };
    expect(refused({ ...base, tools: [{ type: "bash_20250124", name: "bash" }] })).toContain("tools");
    expect(refused({ ...base, messages: [{ role: "user", content: [{ type: "server_tool_use", id: "x", name: "web_search", input: {} }] }] })).toContain("messages");
    expect(refused({ ...base, container: "c" })).toBe("[]");
    expect(refused({ model: "m", messages: base.messages })).toContain("max_tokens");
  });
});
