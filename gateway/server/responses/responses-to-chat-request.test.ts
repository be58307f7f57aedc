import { describe, expect, it } from "vitest";
import { responsesRequestSchema } from "../../../shared/responses-schema.js";
import { extractTextSlots } from "../../pipeline/extract.js";
import { toChatCall } from "../../pipeline/to-chat-call.js";
import { responsesToChatRequest } from "./responses-to-chat-request.js";

function translate(body: Record<string, unknown>): ReturnType<typeof responsesToChatRequest> {
  return responsesToChatRequest(responsesRequestSchema.parse(body));
}

/** A request with text in every place the Responses format has for it. */
const everyCarrier = {
  model: "fake/fake-model",
  instructions: "TEXT-instructions",
  input: [
    { role: "developer", content: [{ type: "input_text", text: "TEXT-developer" }] },
    { type: "message", role: "user", content: [{ type: "input_text", text: "TEXT-user-part" }, { type: "input_image", image_url: "data:image/png;base64,AAAA", detail: "low" }, { type: "input_file", file_data: "data:application/pdf;base64,AAAA", filename: "TEXT-filename.pdf" }] },
    { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "REASONING-summary" }], encrypted_content: "REASONING-encrypted" },
    { role: "assistant", content: [{ type: "output_text", text: "TEXT-assistant", annotations: [] }, { type: "refusal", refusal: "TEXT-refusal" }] },
    { type: "function_call", id: "fc_1", call_id: "call_1", name: "lookup", arguments: '{"q":"TEXT-arguments-1"}', status: "completed" },
    { type: "function_call", call_id: "call_2", name: "lookup", arguments: '{"q":"TEXT-arguments-2"}' },
    { type: "function_call_output", call_id: "call_1", output: "TEXT-output-1" },
    { type: "function_call_output", call_id: "call_2", output: [{ type: "input_text", text: "TEXT-output-2" }] },
    { role: "user", content: "TEXT-user-string" },
  ],
  tools: [{ type: "function", name: "lookup", description: "TEXT-tool-description", parameters: { type: "object", properties: { q: { type: "string", description: "TEXT-parameter-description" } } }, strict: true }],
  tool_choice: { type: "function", name: "lookup" },
  text: { format: { type: "json_schema", name: "answer", description: "TEXT-schema-description", schema: { type: "object", properties: { a: { type: "string", description: "TEXT-schema-property" } } }, strict: true } },
  max_output_tokens: 64,
  temperature: 0.5,
  top_p: 0.9,
  parallel_tool_calls: false,
  store: false,
  metadata: { ticket: "42" },
  reasoning: { effort: "low" },
  include: ["reasoning.encrypted_content"],
};

describe("a Responses request as the pipeline's chat request", () => {
  it("puts every text the client sent where extraction scans it, and drops reasoning", () => {
    const call = toChatCall(translate(everyCarrier), "fake-model");
    const extraction = extractTextSlots(call);
    const scanned = extraction.slots.map((slot) => slot.get()).join("\n");
    const texts = JSON.stringify(everyCarrier).match(/TEXT-[a-z0-9-]+/g) ?? [];
    // The file's name rides inside the opaque file part, which is itself a finding.
    for (const text of texts.filter((text) => text !== "TEXT-filename")) expect(scanned, text).toContain(text);
    expect(extraction.opaqueParts).toEqual(["messages[2].content[1]", "messages[2].content[2]"]);
    expect(JSON.stringify(call)).not.toContain("REASONING");
    expect(JSON.stringify(call)).not.toContain("ticket");
  });

  it("keeps the conversation's shape: instructions first, one assistant turn per set of calls, tool results after", () => {
    const chat = translate(everyCarrier);
    expect(chat.messages.map((message) => message.role)).toEqual(["system", "developer", "user", "assistant", "tool", "tool", "user"]);
    expect(chat.messages[3]).toEqual({
      role: "assistant",
      content: [
        { type: "text", text: "TEXT-assistant" },
        { type: "refusal", refusal: "TEXT-refusal" },
      ],
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q":"TEXT-arguments-1"}' } },
        { id: "call_2", type: "function", function: { name: "lookup", arguments: '{"q":"TEXT-arguments-2"}' } },
      ],
    });
    expect(chat.messages[5]).toEqual({ role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "TEXT-output-2" }] });
    expect(chat).toMatchObject({
      max_completion_tokens: 64,
      temperature: 0.5,
      top_p: 0.9,
      parallel_tool_calls: false,
      tool_choice: { type: "function", function: { name: "lookup" } },
      response_format: { type: "json_schema", json_schema: { name: "answer", strict: true } },
      stream: false,
    });
    expect(translate({ model: "m", input: "just text" }).messages).toEqual([{ role: "user", content: "just text" }]);
    expect(translate({ model: "m", input: [{ type: "function_call", call_id: "c", name: "f", arguments: "{}" }] }).messages).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }] },
    ]);
  });

  it("refuses what it cannot carry with an error that names the field", () => {
    expect(() => translate({ model: "m", input: "x", tool_choice: { type: "code_interpreter" } })).toThrow(expect.objectContaining({ code: "hosted_tool_unsupported", param: "tool_choice.type" }));
    expect(() => translate({ model: "m", input: "x", tool_choice: { type: "allowed_tools", mode: "auto", tools: [] } })).toThrow(expect.objectContaining({ code: "unsupported_parameter", param: "tool_choice" }));
    expect(() => translate({ model: "m", input: [{ role: "user", content: [{ type: "input_file", file_url: "https://example.com/a.pdf" }] }] })).toThrow(
      expect.objectContaining({ code: "unsupported_parameter", param: "input[0].content[0].file_url" }),
    );
    expect(() => translate({ model: "m", input: [{ role: "system", content: [{ type: "input_image", image_url: "data:," }] }] })).toThrow(expect.objectContaining({ param: "input[0].content[0]" }));
    expect(() => translate({ model: "m", input: [{ type: "reasoning", summary: [] }] })).toThrow(expect.objectContaining({ code: "invalid_request", param: "input" }));
    expect(() => translate({ model: "m", input: "x", store: true })).toThrow(expect.objectContaining({ code: "server_state_unsupported", param: "store" }));
    expect(translate({ model: "m", input: "x", store: null }).messages).toHaveLength(1);
  });

  it("maps the text formats and image details", () => {
    expect(translate({ model: "m", input: "x", text: { format: { type: "json_object" } } }).response_format).toEqual({ type: "json_object" });
    expect(translate({ model: "m", input: "x", text: { format: { type: "text" } } }).response_format).toEqual({ type: "text" });
    const image = translate({ model: "m", input: [{ role: "user", content: [{ type: "input_image", image_url: "https://example.com/a.png", detail: "original" }, { type: "input_image", file_id: "file_1" }] }] });
    expect(image.messages[0]?.content).toEqual([
      { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      { type: "file", file: { file_id: "file_1" } },
    ]);
  });
});
