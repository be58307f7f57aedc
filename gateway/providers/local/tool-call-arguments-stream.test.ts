import { describe, expect, it } from "vitest";
import { ToolCallArgumentsStream } from "./tool-call-arguments-stream.js";

describe("ToolCallArgumentsStream", () => {
  it("passes JSON through and drops the grammar's closing newlines", () => {
    const stream = new ToolCallArgumentsStream();
    const chunks = ["{", '"a"', ":\n", "\n 1", "}", "\n", "\n\n", "\n"];
    const output = chunks.map((chunk) => stream.push(chunk)).join("");
    expect(output).toBe('{"a":\n\n 1}');
    expect(JSON.parse(output)).toEqual({ a: 1 });
    expect(stream.started).toBe(true);
  });

  it("has not started before any text", () => {
    const stream = new ToolCallArgumentsStream();
    expect(stream.push("\n\n")).toBe("");
    expect(stream.started).toBe(false);
  });
});
