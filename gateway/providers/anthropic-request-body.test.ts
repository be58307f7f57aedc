import { describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import { defaultAnthropicMaxTokens, toAnthropicRequestBody } from "./anthropic-request-body.js";

describe("toAnthropicRequestBody", () => {
  it("moves system and developer messages to `system` and sends only what was set", () => {
    const body = toAnthropicRequestBody({
      model: "claude-sonnet-4-5",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Answer in German." }] },
        { role: "user", content: "Hallo" },
      ],
    });
    expect(body).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: defaultAnthropicMaxTokens,
      system: [
        { type: "text", text: "Be brief." },
        { type: "text", text: "Answer in German." },
      ],
      messages: [{ role: "user", content: [{ type: "text", text: "Hallo" }] }],
      stream: true,
    });
  });

  it("translates a tool conversation: tool_use blocks, tool results first in one merged user turn", () => {
    const call: ChatCall = {
      model: "claude-opus-4-1",
      messages: [
        { role: "user", content: "Weather in Bern and the time?" },
        {
          role: "assistant",
          content: "Checking.",
          toolCalls: [
            { id: "toolu_1", type: "function", function: { name: "weather", arguments: '{"city":"Bern"}' } },
            { id: "toolu_2", type: "function", function: { name: "time", arguments: "" } },
          ],
        },
        { role: "tool", toolCallId: "toolu_1", content: "12 °C" },
        { role: "tool", toolCallId: "toolu_2", content: [{ type: "text", text: "14:00" }] },
        { role: "user", content: "Thanks." },
      ],
      tools: [
        { type: "function", function: { name: "weather", description: "Weather by city", parameters: { type: "object", properties: { city: { type: "string" } } } } },
        { type: "function", function: { name: "time" } },
      ],
      toolChoice: "required",
      parallelToolCalls: false,
      maxTokens: 300,
      temperature: 1.6,
      topP: 0.9,
      stop: ["END"],
      seed: 4,
    };
    expect(toAnthropicRequestBody(call)).toEqual({
      model: "claude-opus-4-1",
      max_tokens: 300,
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Bern and the time?" }] },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Checking." },
            { type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Bern" } },
            { type: "tool_use", id: "toolu_2", name: "time", input: {} },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: "12 °C" },
            { type: "tool_result", tool_use_id: "toolu_2", content: [{ type: "text", text: "14:00" }] },
            { type: "text", text: "Thanks." },
          ],
        },
      ],
      tools: [
        { name: "weather", description: "Weather by city", input_schema: { type: "object", properties: { city: { type: "string" } } } },
        { name: "time", input_schema: { type: "object", properties: {} } },
      ],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      // Anthropic's temperature stops at 1.
      temperature: 1,
      top_p: 0.9,
      stop_sequences: ["END"],
      stream: true,
    });
  });

  it("sends thinking back first in its assistant turn, signature intact, and the thinking setting", () => {
    const body = toAnthropicRequestBody({
      model: "m",
      thinking: { type: "enabled", budgetTokens: 2048 },
      messages: [
        { role: "user", content: "hi" },
        {
          role: "assistant",
          content: "hello",
          thinking: [
            { type: "thinking", thinking: "They greet me.", signature: "sig-1" },
            { type: "redacted_thinking", data: "opaque" },
          ],
          toolCalls: [{ id: "toolu_1", type: "function", function: { name: "f", arguments: "{}" } }],
        },
      ],
    });
    expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 2048 });
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "hi" }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "They greet me.", signature: "sig-1" },
          { type: "redacted_thinking", data: "opaque" },
          { type: "text", text: "hello" },
          { type: "tool_use", id: "toolu_1", name: "f", input: {} },
        ],
      },
    ]);
  });

  it("maps every tool choice, and sends none without tools", () => {
    const tools = [{ type: "function" as const, function: { name: "f" } }];
    const choiceOf = (toolChoice: ChatCall["toolChoice"]): unknown => toAnthropicRequestBody({ model: "m", messages: [{ role: "user", content: "x" }], tools, ...(toolChoice ? { toolChoice } : {}) }).tool_choice;
    expect(choiceOf("auto")).toEqual({ type: "auto" });
    expect(choiceOf("none")).toEqual({ type: "none" });
    expect(choiceOf({ type: "function", function: { name: "f" } })).toEqual({ type: "tool", name: "f" });
    expect(choiceOf(undefined)).toBeUndefined();
    expect(toAnthropicRequestBody({ model: "m", messages: [{ role: "user", content: "x" }], toolChoice: "required" }).tool_choice).toBeUndefined();
  });

  it("merges consecutive turns of one role and drops empty text", () => {
    const body = toAnthropicRequestBody({
      model: "m",
      messages: [
        { role: "user", content: "one" },
        { role: "user", content: [{ type: "text", text: "two" }, { type: "text", text: "" }] },
        { role: "assistant", content: "" },
        { role: "assistant", content: "three" },
      ],
    });
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "one" }, { type: "text", text: "two" }] },
      { role: "assistant", content: [{ type: "text", text: "three" }] },
    ]);
  });

  it("sends images and PDFs as Anthropic blocks and refuses what Anthropic cannot take", () => {
    const body = toAnthropicRequestBody({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", data: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "image_url", data: { url: "https://example.org/cat.png" } },
            { type: "file", data: { file_data: "data:application/pdf;base64,JVBERi0x", filename: "report.pdf" } },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
          { type: "image", source: { type: "url", url: "https://example.org/cat.png" } },
          { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" }, title: "report.pdf" },
        ],
      },
    ]);
    const refusal = (call: ChatCall): unknown => {
      try {
        toAnthropicRequestBody(call);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal({ model: "m", messages: [{ role: "user", content: [{ type: "input_audio", data: { data: "AAA", format: "wav" } }] }] })).toBeInstanceOf(GatewayError);
    expect(refusal({ model: "m", messages: [{ role: "user", content: "x" }], responseFormat: { type: "json_object" } })).toMatchObject({ code: "unsupported_parameter", param: "response_format" });
    expect(refusal({ model: "m", messages: [{ role: "assistant", content: null, toolCalls: [{ id: "t", type: "function", function: { name: "f", arguments: "[1]" } }] }] })).toMatchObject({ code: "invalid_request" });
  });
});

describe("output_config", () => {
  it("carries effort and a JSON schema to Anthropic, and leaves it out when neither is set", () => {
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"] };
    const body = toAnthropicRequestBody({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      effort: "high",
      responseFormat: { type: "json_schema", jsonSchema: { name: "output", schema } },
    });
    expect(body.output_config).toEqual({ effort: "high", format: { type: "json_schema", schema } });
    expect(toAnthropicRequestBody({ model: "m", messages: [{ role: "user", content: "x" }] })).not.toHaveProperty("output_config");
  });
});
