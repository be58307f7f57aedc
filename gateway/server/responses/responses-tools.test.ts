import { describe, expect, it } from "vitest";
import { responsesRequestSchema } from "../../../shared/responses-schema.js";
import { extractTextSlots } from "../../pipeline/extract.js";
import { toChatCall } from "../../pipeline/to-chat-call.js";
import { ResponseOutputBuilder } from "./response-output-builder.js";
import { translateResponsesRequest } from "./responses-to-chat-request.js";

function translate(body: Record<string, unknown>): ReturnType<typeof translateResponsesRequest> {
  return translateResponsesRequest(responsesRequestSchema.parse(body));
}

const grammar = 'start: begin_patch hunk+ end_patch\nbegin_patch: "*** Begin Patch" LF\nGRAMMAR-SECRET';

/** What the Codex CLI sends, with text in each of its carriers. */
const codexShaped = {
  model: "fake/fake-model",
  instructions: "TEXT-instructions",
  input: [
    { type: "message", role: "developer", content: [{ type: "input_text", text: "TEXT-developer" }] },
    { type: "additional_tools", role: "developer", tools: [{ type: "function", name: "spawn_agent", description: "TEXT-additional-description", parameters: { type: "object", properties: {} } }] },
    { type: "message", role: "user", content: [{ type: "input_text", text: "TEXT-user" }] },
    { type: "reasoning", summary: [], encrypted_content: "REASONING-encrypted" },
    { type: "custom_tool_call", call_id: "call_p", name: "apply_patch", input: "*** Begin Patch\nTEXT-patch-input\n*** End Patch" },
    { type: "custom_tool_call_output", call_id: "call_p", output: "TEXT-patch-output" },
    { type: "function_call", call_id: "call_m", name: "status", namespace: "mcp__burp__", arguments: '{"q":"TEXT-mcp-arguments"}' },
    { type: "function_call_output", call_id: "call_m", output: "TEXT-mcp-output" },
  ],
  tools: [
    { type: "function", name: "shell_command", description: "TEXT-shell-description", parameters: { type: "object", properties: { command: { type: "string" } } }, strict: false },
    { type: "custom", name: "apply_patch", description: "TEXT-patch-description", format: { type: "grammar", syntax: "lark", definition: grammar } },
    { type: "namespace", name: "mcp__burp__", description: "TEXT-namespace-description", tools: [{ type: "function", name: "status", description: "TEXT-status-description", parameters: { type: "object", properties: {} } }] },
    { type: "namespace", name: "mcp__docs", description: "Docs", tools: [{ type: "function", name: "status", parameters: { type: "object", properties: {} } }] },
    { type: "web_search", external_web_access: false },
    { type: "image_generation", output_format: "png" },
    { type: "web_search" },
  ],
  tool_choice: "auto",
  parallel_tool_calls: false,
  reasoning: { effort: "medium", summary: "auto" },
  store: false,
  stream: true,
  include: ["reasoning.encrypted_content"],
  prompt_cache_key: "0199a1b2-c3d4",
  text: { verbosity: "low" },
  client_metadata: { trace_id: "abc" },
};

describe("the tools of a Codex-shaped Responses request", () => {
  it("gives the model function tools only, with unique names, and drops hosted tools", () => {
    const { chat, tools } = translate(codexShaped);
    expect(chat.tools?.map((tool) => tool.function.name)).toEqual(["shell_command", "apply_patch", "mcp__burp__status", "mcp__docs__status", "spawn_agent"]);
    expect(chat.tools?.every((tool) => tool.type === "function")).toBe(true);
    expect(tools.dropped).toEqual(["web_search", "image_generation"]);
    const patch = chat.tools?.[1]?.function;
    expect(patch?.parameters).toMatchObject({ type: "object", properties: { input: { type: "string" } }, required: ["input"] });
    expect(patch?.description).toMatch(/freeform raw text/);
    // The grammar is not forwarded: the function that stands for the tool has none.
    expect(JSON.stringify(chat)).not.toContain("GRAMMAR-SECRET");
    expect(JSON.stringify(chat)).not.toContain("REASONING");
    expect(JSON.stringify(chat)).not.toContain("trace_id");
    expect(chat.tool_choice).toBe("auto");
    expect(tools.clientTool("apply_patch")).toEqual({ kind: "custom", name: "apply_patch", namespace: undefined });
    expect(tools.clientTool("mcp__docs__status")).toEqual({ kind: "function", name: "status", namespace: "mcp__docs" });
  });

  it("carries custom tool calls and outputs as function calls the extractor scans", () => {
    const { chat } = translate(codexShaped);
    expect(chat.messages.map((message) => message.role)).toEqual(["system", "developer", "user", "assistant", "tool", "assistant", "tool"]);
    expect(chat.messages[3]).toMatchObject({ tool_calls: [{ id: "call_p", function: { name: "apply_patch", arguments: JSON.stringify({ input: "*** Begin Patch\nTEXT-patch-input\n*** End Patch" }) } }] });
    expect(chat.messages[5]).toMatchObject({ tool_calls: [{ id: "call_m", function: { name: "mcp__burp__status" } }] });
    const scanned = extractTextSlots(toChatCall(chat, "fake-model")).slots.map((slot) => slot.get()).join("\n");
    const texts = JSON.stringify(codexShaped).match(/TEXT-[a-z-]+/g) ?? [];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(scanned, text).toContain(text);
  });

  it("refuses a forced hosted tool and maps a forced custom or namespaced tool", () => {
    expect(() => translate({ ...codexShaped, tool_choice: { type: "web_search" } })).toThrow(expect.objectContaining({ code: "hosted_tool_unsupported", param: "tool_choice.type" }));
    expect(translate({ ...codexShaped, tool_choice: { type: "custom", name: "apply_patch" } }).chat.tool_choice).toEqual({ type: "function", function: { name: "apply_patch" } });
    expect(translate({ ...codexShaped, tool_choice: { type: "function", name: "status", namespace: "mcp__docs" } }).chat.tool_choice).toEqual({ type: "function", function: { name: "mcp__docs__status" } });
    // Only hosted tools: the model gets none, and `auto` is not sent without tools.
    expect(translate({ model: "m", input: "x", tools: [{ type: "web_search" }], tool_choice: "auto" }).chat).not.toHaveProperty("tool_choice");
    // A malformed function tool is still refused, not taken for a hosted one.
    expect(() => translate({ model: "m", input: "x", tools: [{ type: "function", name: "bad name" }] })).toThrow();
  });
});

describe("calls to custom and namespaced tools in the answer", () => {
  it("answers a custom tool call with the raw input, and a namespaced call with its namespace", () => {
    const { tools } = translate(codexShaped);
    const builder = new ResponseOutputBuilder("req_1", tools);
    const patch = "*** Begin Patch\n*** Add File: a.txt\n+say \"hi\" \\ there\n*** End Patch\n";
    const encoded = JSON.stringify({ input: patch });
    const events = [
      ...builder.push({ type: "tool-call-start", index: 0, id: "call_1", name: "apply_patch" }),
      // Cut inside an escape: nothing is decoded before the whole call is there.
      ...builder.push({ type: "tool-call-delta", index: 0, argumentsDelta: encoded.slice(0, 40) }),
      ...builder.push({ type: "tool-call-delta", index: 0, argumentsDelta: encoded.slice(40) }),
      ...builder.push({ type: "tool-call-start", index: 1, id: "call_2", name: "mcp__docs__status" }),
      ...builder.push({ type: "tool-call-delta", index: 1, argumentsDelta: "{}" }),
      ...builder.push({ type: "finish", finishReason: "tool_calls", usage: undefined }),
      ...builder.close(),
    ];
    expect(builder.output).toEqual([
      { type: "custom_tool_call", id: "ctc_req_1_0", status: "completed", call_id: "call_1", name: "apply_patch", input: patch },
      { type: "function_call", id: "fc_req_1_1", status: "completed", call_id: "call_2", name: "status", arguments: "{}", namespace: "mcp__docs" },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      "response.output_item.added",
      "response.output_item.added",
      "response.function_call_arguments.delta",
      "response.custom_tool_call_input.delta",
      "response.custom_tool_call_input.done",
      "response.output_item.done",
      "response.function_call_arguments.done",
      "response.output_item.done",
    ]);
    expect(events[3]).toMatchObject({ delta: patch, item_id: "ctc_req_1_0", output_index: 0 });
    expect(events[4]).toMatchObject({ input: patch });
    expect(builder.inexactCustomInputs).toBe(0);
  });

  it("passes the most faithful text when the model did not write {\"input\": ...}", () => {
    const { tools } = translate(codexShaped);
    const cases: Array<[string, string]> = [
      ['{"patch":"raw text"}', "raw text"],
      ["*** Begin Patch (not JSON)", "*** Begin Patch (not JSON)"],
      ['{"input":"x","extra":1}', "x"],
      ["[1,2]", "[1,2]"],
    ];
    for (const [argumentsText, expected] of cases) {
      const builder = new ResponseOutputBuilder("req_2", tools);
      builder.push({ type: "tool-call-start", index: 0, id: "call_1", name: "apply_patch" });
      builder.push({ type: "tool-call-delta", index: 0, argumentsDelta: argumentsText });
      builder.close();
      expect(builder.output[0]).toMatchObject({ type: "custom_tool_call", input: expected });
      expect(builder.inexactCustomInputs).toBe(1);
    }
  });
});
