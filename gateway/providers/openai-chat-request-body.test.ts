import { describe, expect, it } from "vitest";
import type { ChatCall } from "../../shared/chat.js";
import { toOpenAIChatRequestBody } from "./openai-chat-request-body.js";

const options = { maxTokensParameter: "max_tokens" } as const;

describe("toOpenAIChatRequestBody", () => {
  it("writes every field under its OpenAI wire name, streamed with usage", () => {
    const call: ChatCall = {
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Be brief." },
        {
          role: "user",
          name: "dana",
          content: [
            { type: "text", text: "What is in this picture?" },
            { type: "image_url", data: { url: "data:image/png;base64,AAAA", detail: "low" } },
          ],
        },
        {
          role: "assistant",
          content: null,
          toolCalls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } }],
        },
        { role: "tool", content: "a cat", toolCallId: "call_1" },
      ],
      tools: [
        { type: "function", function: { name: "lookup", description: "Looks up", parameters: { type: "object" }, strict: true } },
        { type: "function", function: { name: "bare" } },
      ],
      toolChoice: { type: "function", function: { name: "lookup" } },
      parallelToolCalls: false,
      maxTokens: 256,
      temperature: 0.2,
      topP: 0.9,
      stop: ["END"],
      seed: 42,
      responseFormat: { type: "json_schema", jsonSchema: { name: "answer", schema: { type: "object" }, strict: true } },
    };

    // Exact text, key order included: these are the bytes the egress gate scans and sends.
    expect(JSON.stringify(toOpenAIChatRequestBody(call, options))).toBe(
      JSON.stringify({
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: "Be brief." },
          {
            role: "user",
            content: [
              { type: "text", text: "What is in this picture?" },
              { type: "image_url", image_url: { url: "data:image/png;base64,AAAA", detail: "low" } },
            ],
            name: "dana",
          },
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } }],
          },
          { role: "tool", content: "a cat", tool_call_id: "call_1" },
        ],
        tools: [
          { type: "function", function: { name: "lookup", description: "Looks up", parameters: { type: "object" }, strict: true } },
          { type: "function", function: { name: "bare" } },
        ],
        tool_choice: { type: "function", function: { name: "lookup" } },
        parallel_tool_calls: false,
        max_tokens: 256,
        temperature: 0.2,
        top_p: 0.9,
        stop: ["END"],
        seed: 42,
        response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" }, strict: true } },
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
  });

  it("leaves unset settings out, so the provider's defaults apply", () => {
    expect(toOpenAIChatRequestBody({ model: "m", messages: [{ role: "user", content: "hi" }] }, options)).toEqual({
      model: "m",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("drops tool settings that OpenAI refuses without tools", () => {
    const body = toOpenAIChatRequestBody(
      { model: "m", messages: [{ role: "user", content: "hi" }], tools: [], toolChoice: "auto", parallelToolCalls: true, stop: [] },
      options,
    );
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("tool_choice");
    expect(body).not.toHaveProperty("parallel_tool_calls");
    expect(body).not.toHaveProperty("stop");
  });

  it("can put the limit in max_completion_tokens for OpenAI's reasoning models", () => {
    const body = toOpenAIChatRequestBody({ model: "o3", messages: [{ role: "user", content: "hi" }], maxTokens: 9 }, { maxTokensParameter: "max_completion_tokens" });
    expect(body).toMatchObject({ max_completion_tokens: 9 });
    expect(body).not.toHaveProperty("max_tokens");
  });

  it("writes the simple response formats as their type alone", () => {
    const body = toOpenAIChatRequestBody({ model: "m", messages: [{ role: "user", content: "hi" }], responseFormat: { type: "json_object" } }, options);
    expect(body.response_format).toEqual({ type: "json_object" });
  });
});
