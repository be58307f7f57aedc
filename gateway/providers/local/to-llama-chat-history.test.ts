import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../../shared/chat.js";
import { toLlamaChatHistory } from "./to-llama-chat-history.js";

const weatherCall = (id: string, city: string): NonNullable<ChatMessage["toolCalls"]>[number] => ({
  id,
  type: "function",
  function: { name: "get_weather", arguments: JSON.stringify({ city }) },
});

describe("toLlamaChatHistory", () => {
  it("maps system, developer, user and assistant turns and opens a new model turn", () => {
    const history = toLlamaChatHistory([
      { role: "system", content: "Be brief." },
      { role: "developer", content: "Answer in English." },
      { role: "user", content: [{ type: "text", text: "Hello" }, { type: "text", text: "there" }] },
      { role: "assistant", content: "Hi!" },
      { role: "user", content: "How are you?" },
    ]);
    expect(history).toEqual([
      { type: "system", text: "Be brief." },
      { type: "system", text: "Answer in English." },
      { type: "user", text: "Hello\nthere" },
      { type: "model", response: ["Hi!"] },
      { type: "user", text: "How are you?" },
      { type: "model", response: [] },
    ]);
  });

  it("keeps a tool call, its result and the reply after it in one model turn", () => {
    const history = toLlamaChatHistory([
      { role: "user", content: "Weather in Paris and Rome?" },
      { role: "assistant", content: "Checking.", toolCalls: [weatherCall("call_1", "Paris"), weatherCall("call_2", "Rome")] },
      { role: "tool", toolCallId: "call_2", content: '{"celsius":25}' },
      { role: "tool", toolCallId: "call_1", content: "sunny, 21 degrees" },
      { role: "assistant", content: "Paris is sunny." },
      { role: "user", content: "Thanks" },
    ]);
    expect(history[1]).toEqual({
      type: "model",
      response: [
        "Checking.",
        { type: "functionCall", name: "get_weather", params: { city: "Paris" }, result: "sunny, 21 degrees" },
        { type: "functionCall", name: "get_weather", params: { city: "Rome" }, result: { celsius: 25 } },
        "Paris is sunny.",
      ],
    });
    expect(history.at(-1)).toEqual({ type: "model", response: [] });
  });

  it("lets the model continue its own turn right after tool results", () => {
    const history = toLlamaChatHistory([
      { role: "user", content: "Weather?" },
      { role: "assistant", content: null, toolCalls: [weatherCall("call_1", "Oslo")] },
      { role: "tool", toolCallId: "call_1", content: "snow" },
    ]);
    expect(history).toHaveLength(2);
    expect(history[1]).toEqual({
      type: "model",
      response: [{ type: "functionCall", name: "get_weather", params: { city: "Oslo" }, result: "snow" }],
    });
  });

  it("refuses a tool result nobody asked for", () => {
    expect(() => toLlamaChatHistory([{ role: "user", content: "Hi" }, { role: "tool", toolCallId: "call_9", content: "x" }])).toThrowError(
      expect.objectContaining({ code: "invalid_request", param: "messages[1].tool_call_id" }),
    );
  });

  it("refuses a tool call left without a result", () => {
    expect(() =>
      toLlamaChatHistory([
        { role: "user", content: "Weather?" },
        { role: "assistant", content: null, toolCalls: [weatherCall("call_1", "Oslo")] },
        { role: "user", content: "Well?" },
      ]),
    ).toThrowError(expect.objectContaining({ code: "invalid_request", message: expect.stringContaining("call_1") }));
  });

  it("refuses content the local model cannot read", () => {
    expect(() =>
      toLlamaChatHistory([{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", data: { url: "data:image/png;base64,AAAA" } }] }]),
    ).toThrowError(expect.objectContaining({ code: "unsupported_parameter", param: "messages[0].content[1]" }));
  });
});
