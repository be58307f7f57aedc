import { describe, expect, it } from "vitest";
import { anthropicMessagesRequestSchema } from "./anthropic-schema.js";
import { formatIssuePath } from "./issue-path.js";
import { chatCompletionRequestSchema } from "./openai-schema.js";
import { responsesRequestSchema } from "./responses-schema.js";

/** The paths of the issues, as a 400 names them; undefined when the request is valid. */
function refusedAt(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }): string | undefined {
  return result.success ? undefined : (result.error?.issues ?? []).map((issue) => formatIssuePath(issue.path)).join(" ");
}

const freeText = "Jane Doe, 12 Elm Street";

describe("tool names and call ids are identifiers, never free text", () => {
  it("Anthropic: tools[].name, tool_use.id and .name, tool_result.tool_use_id", () => {
    const request = (name: string, id: string) => ({
      model: "m",
      max_tokens: 5,
      tools: [{ name, input_schema: { type: "object" } }],
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: [{ type: "tool_use", id, name, input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: id }] },
      ],
    });
    expect(refusedAt(anthropicMessagesRequestSchema.safeParse(request("get_weather", "toolu_01A-b.c:9")))).toBeUndefined();
    expect(refusedAt(anthropicMessagesRequestSchema.safeParse(request(freeText, "toolu_1")))).toBe("messages[1].content[0].name tools[0].name");
    expect(refusedAt(anthropicMessagesRequestSchema.safeParse(request("lookup", freeText)))).toBe("messages[1].content[0].id messages[2].content[0].tool_use_id");
  });

  it("Responses: function_call name and call_id, function_call_output call_id, text.format.name", () => {
    const request = (name: string, callId: string, formatName = "answer") => ({
      model: "m",
      input: [
        { type: "function_call", call_id: callId, name, arguments: "{}" },
        { type: "function_call_output", call_id: callId, output: "ok" },
      ],
      text: { format: { type: "json_schema", name: formatName, schema: { type: "object" } } },
    });
    expect(refusedAt(responsesRequestSchema.safeParse(request("lookup", "call_abc")))).toBeUndefined();
    expect(refusedAt(responsesRequestSchema.safeParse(request(freeText, "call_abc")))).toBe("input[0].name");
    expect(refusedAt(responsesRequestSchema.safeParse(request("lookup", freeText)))).toBe("input[0].call_id input[1].call_id");
    expect(refusedAt(responsesRequestSchema.safeParse(request("lookup", "call_abc", freeText)))).toBe("text.format.name");
  });

  it("chat completions: tool_calls id and name, tool_call_id, tool and schema names", () => {
    const request = (name: string, id: string) => ({
      model: "m",
      messages: [
        { role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name, arguments: "{}" } }] },
        { role: "tool", tool_call_id: id, content: "ok" },
      ],
      tools: [{ type: "function", function: { name } }],
    });
    expect(refusedAt(chatCompletionRequestSchema.safeParse(request("lookup", "call_1")))).toBeUndefined();
    expect(refusedAt(chatCompletionRequestSchema.safeParse(request("lookup", freeText)))).toBe("messages[0].tool_calls[0].id messages[1].tool_call_id");
    expect(refusedAt(chatCompletionRequestSchema.safeParse(request(freeText, "call_1")))).toBe("messages[0].tool_calls[0].function.name tools[0].function.name");
    // OpenAI's own limit for function names is 64 characters.
    expect(refusedAt(chatCompletionRequestSchema.safeParse(request("a".repeat(65), "call_1")))).toBe("messages[0].tool_calls[0].function.name tools[0].function.name");
  });
});
