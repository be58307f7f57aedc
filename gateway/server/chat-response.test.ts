import { describe, expect, it } from "vitest";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { sseCompletionStream, type ResponseOutcome } from "./chat-response.js";

function partStream(parts: ChatStreamPart[]): ReadableStream<ChatStreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

describe("sseCompletionStream", () => {
  it("reads past parts that have no OpenAI frame instead of stalling", async () => {
    const outcomes: ResponseOutcome[] = [];
    const body = sseCompletionStream(
      partStream([
        { type: "response-metadata", modelId: "m" },
        { type: "thinking-delta", delta: "hidden reasoning" },
        { type: "text-delta", delta: "" },
        { type: "response-metadata", modelId: "m" },
        { type: "text-delta", delta: "hello" },
        { type: "finish", finishReason: "stop", usage: { promptTokens: 1, completionTokens: 1 } },
      ]),
      { id: "chatcmpl-x", created: 0, fallbackModel: "m" },
      { includeUsage: false, onEnd: (outcome) => outcomes.push(outcome), onCancel: () => {} },
    );
    const text = await new Response(body).text();
    expect(text).toContain('"content":"hello"');
    expect(text).not.toContain("hidden reasoning");
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["completed"]);
  });
});
