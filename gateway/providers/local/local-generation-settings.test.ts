import { describe, expect, it } from "vitest";
import type { ChatCall } from "../../../shared/chat.js";
import { defaultLocalTemperature, toLocalGenerationSettings } from "./local-generation-settings.js";

const base: ChatCall = { model: "local", messages: [{ role: "user", content: "Hi" }] };

describe("toLocalGenerationSettings", () => {
  it("fills defaults and keeps what the call sets", () => {
    expect(toLocalGenerationSettings(base)).toMatchObject({
      temperature: defaultLocalTemperature,
      maxTokens: undefined,
      topP: undefined,
      seed: undefined,
      stop: [],
      functions: undefined,
      forceCall: false,
      responseFormat: undefined,
    });
    expect(toLocalGenerationSettings({ ...base, temperature: 0, topP: 0.5, maxTokens: 9, stop: ["END", ""] })).toMatchObject({
      temperature: 0,
      topP: 0.5,
      maxTokens: 9,
      stop: ["END"],
    });
  });

  it("folds 64-bit seeds into 32 bits deterministically", () => {
    expect(toLocalGenerationSettings({ ...base, seed: 7 }).seed).toBe(7);
    expect(toLocalGenerationSettings({ ...base, seed: -1 }).seed).toBe(2 ** 32 - 1);
    expect(toLocalGenerationSettings({ ...base, seed: 2 ** 40 + 5 }).seed).toBe(5);
  });

  it("maps tool_choice to forced calls and limits the functions for a named choice", () => {
    const tools: ChatCall["tools"] = [
      { type: "function", function: { name: "a", parameters: { type: "object", properties: { x: { type: "string" } } } } },
      { type: "function", function: { name: "b" } },
    ];
    expect(toLocalGenerationSettings({ ...base, tools })).toMatchObject({ forceCall: false, functions: { a: {}, b: {} } });
    expect(toLocalGenerationSettings({ ...base, tools, toolChoice: "required" }).forceCall).toBe(true);
    expect(toLocalGenerationSettings({ ...base, tools, toolChoice: "none" }).functions).toBeUndefined();
    const named = toLocalGenerationSettings({ ...base, tools, toolChoice: { type: "function", function: { name: "b" } } });
    expect(Object.keys(named.functions ?? {})).toEqual(["b"]);
    expect(named.forceCall).toBe(true);
  });

  it.each([
    [{ maxTokens: 0 }, "max_tokens"],
    [{ maxTokens: 1.5 }, "max_tokens"],
    [{ topP: 2 }, "top_p"],
    [{ temperature: Number.NaN }, "temperature"],
    [{ seed: 0.5 }, "seed"],
    [{ toolChoice: { type: "function", function: { name: "missing" } }, tools: [{ type: "function", function: { name: "a" } }] }, "tool_choice"],
    [{ tools: [{ type: "function", function: { name: "has space" } }] }, "tools[0].function.name"],
  ] as Array<[Partial<ChatCall>, string]>)("refuses %j", (overrides, param) => {
    expect(() => toLocalGenerationSettings({ ...base, ...overrides })).toThrowError(expect.objectContaining({ code: "invalid_request", param }));
  });
});
