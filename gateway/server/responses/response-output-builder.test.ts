import { describe, expect, it } from "vitest";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import { ResponseOutputBuilder, type ResponseEvent } from "./response-output-builder.js";

function build(parts: Array<Exclude<ChatStreamPart, { type: "error" }>>): { builder: ResponseOutputBuilder; events: ResponseEvent[] } {
  const builder = new ResponseOutputBuilder("req_1");
  const events = parts.flatMap((part) => builder.push(part));
  events.push(...builder.close());
  return { builder, events };
}

describe("Responses output items from typed parts", () => {
  it("opens a new message for text after a tool call, and keeps calls open for late argument deltas", () => {
    const { builder, events } = build([
      { type: "text-delta", delta: "First." },
      { type: "tool-call-start", index: 0, id: "call_a", name: "a" },
      { type: "tool-call-delta", index: 0, argumentsDelta: '{"x":' },
      { type: "tool-call-start", index: 1, id: "call_b", name: "b" },
      // Restore releases what it held of the first call's arguments after the second call started.
      { type: "tool-call-delta", index: 0, argumentsDelta: "1}" },
      { type: "tool-call-delta", index: 1, argumentsDelta: "{}" },
      { type: "text-delta", delta: "Then." },
      { type: "finish", finishReason: "tool_calls", usage: undefined },
    ]);
    expect(builder.output.map((item) => [item.type, item.id, item.status])).toEqual([
      ["message", "msg_req_1_0", "completed"],
      ["function_call", "fc_req_1_0", "completed"],
      ["function_call", "fc_req_1_1", "completed"],
      ["message", "msg_req_1_1", "completed"],
    ]);
    expect(builder.output[1]).toMatchObject({ call_id: "call_a", name: "a", arguments: '{"x":1}' });
    expect(events.filter((event) => event.type === "response.function_call_arguments.done").map((event) => event.arguments)).toEqual(['{"x":1}', "{}"]);
    // Every item that was added is done exactly once.
    const count = (type: string): number[] => events.filter((event) => event.type === type).map((event) => event.output_index as number).sort();
    expect(count("response.output_item.done")).toEqual(count("response.output_item.added"));
    expect(count("response.output_item.added")).toEqual([0, 1, 2, 3]);
  });

  it("gives a call whose start never came an item of its own, and ignores a repeated start", () => {
    const { builder } = build([
      { type: "tool-call-delta", index: 2, argumentsDelta: "{}" },
      { type: "tool-call-start", index: 2, id: "late", name: "again" },
      { type: "finish", finishReason: "length", usage: undefined },
    ]);
    expect(builder.output).toEqual([{ type: "function_call", id: "fc_req_1_2", status: "incomplete", call_id: "call_2", name: "", arguments: "{}" }]);
  });
});
