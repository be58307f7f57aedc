import type { FinishReason, Usage } from "../../shared/chat.js";
import { GatewayError, toOpenAIErrorBody } from "../../shared/errors.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { chunkObject, completionObject, type ToolCallAccumulator } from "./openai-response.js";

/** How a response ended, for the request log. */
export interface ResponseOutcome {
  status: "completed" | "failed" | "aborted";
  model: string | undefined;
  usage: Usage | undefined;
  error: GatewayError | undefined;
}

export interface ResponseIdentity {
  id: string;
  created: number;
  /** Used until the provider names the model that answered. */
  fallbackModel: string;
}

/** Collects a whole answer for a non-stream client. */
export async function collectCompletion(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
): Promise<{ body: Record<string, unknown>; outcome: ResponseOutcome }> {
  let model: string | undefined;
  let text = "";
  const toolCalls = new Map<number, ToolCallAccumulator>();
  let finishReason: FinishReason = "stop";
  let usage: Usage | undefined;
  let finished = false;
  for await (const part of parts) {
    switch (part.type) {
      case "response-metadata":
        model = part.modelId;
        break;
      case "text-delta":
        text += part.delta;
        break;
      case "tool-call-start":
        toolCalls.set(part.index, { id: part.id, name: part.name, arguments: "" });
        break;
      case "tool-call-delta": {
        const call = toolCalls.get(part.index);
        if (call) call.arguments += part.argumentsDelta;
        break;
      }
      case "finish":
        finishReason = part.finishReason;
        usage = part.usage;
        finished = true;
        break;
      case "error":
        throw part.error;
    }
  }
  // As on the stream path: an answer that ends without a finish was cut short.
  if (!finished) throw new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
  const body = completionObject({
    id: identity.id,
    created: identity.created,
    model: model ?? identity.fallbackModel,
    text,
    toolCalls: [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call),
    finishReason,
    usage,
  });
  return { body, outcome: { status: "completed", model, usage, error: undefined } };
}

/**
 * Writes typed parts as OpenAI chat-completion chunks over SSE. A failure after the stream
 * started is sent as an error event (the status line is already gone), then the stream ends.
 * If the client goes away, `onCancel` aborts the upstream work.
 *
 * `onEnd` runs before the last frames (finish reason, usage, `[DONE]`) are queued: it writes the
 * audit record, so a client that saw the end of an answer can count on its record, even if the
 * gateway is killed a moment later. When `onEnd` throws (the record cannot be written), the
 * answer ends with that error instead of `[DONE]`.
 */
export function sseCompletionStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { includeUsage: boolean; onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = parts.getReader();
  let model: string | undefined;
  let usage: Usage | undefined;
  let ended = false;
  const frame = (value: unknown): Uint8Array => encoder.encode(`data: ${JSON.stringify(value)}\n\n`);
  const header = (): { id: string; created: number; model: string } => ({ id: identity.id, created: identity.created, model: model ?? identity.fallbackModel });
  /** Records the end; returns the error to send instead when the record cannot be written. */
  const end = (outcome: Omit<ResponseOutcome, "model" | "usage">): GatewayError | undefined => {
    if (ended) return undefined;
    ended = true;
    try {
      options.onEnd({ ...outcome, model, usage });
      return undefined;
    } catch (error) {
      return error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
    }
  };
  let sentRole = false;
  const roleChunk = (): Uint8Array[] => {
    if (sentRole) return [];
    sentRole = true;
    return [frame(chunkObject(header(), { delta: { role: "assistant", content: "" } }))];
  };

  /** Reads one part and writes its frames; false when that part had nothing to send. */
  async function step(controller: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> {
    const { done, value: part } = await reader.read();
    if (done) {
      // A provider stream that ends without a finish part was cut short.
      const error = new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
      const failure = end({ status: "failed", error });
      controller.enqueue(frame(toOpenAIErrorBody(failure ?? error)));
      controller.close();
      return true;
    }
    switch (part.type) {
      case "response-metadata": {
        model = part.modelId;
        const chunks = roleChunk();
        for (const chunk of chunks) controller.enqueue(chunk);
        return chunks.length > 0;
      }
      case "text-delta": {
        const chunks = roleChunk();
        for (const chunk of chunks) controller.enqueue(chunk);
        if (part.delta) controller.enqueue(frame(chunkObject(header(), { delta: { content: part.delta } })));
        return chunks.length > 0 || part.delta !== "";
      }
      case "tool-call-start":
        for (const chunk of roleChunk()) controller.enqueue(chunk);
        controller.enqueue(
          frame(chunkObject(header(), { delta: { tool_calls: [{ index: part.index, id: part.id, type: "function", function: { name: part.name, arguments: "" } }] } })),
        );
        return true;
      case "tool-call-delta":
        controller.enqueue(frame(chunkObject(header(), { delta: { tool_calls: [{ index: part.index, function: { arguments: part.argumentsDelta } }] } })));
        return true;
      case "finish": {
        usage = part.usage;
        const failure = end({ status: "completed", error: undefined });
        if (failure) {
          controller.enqueue(frame(toOpenAIErrorBody(failure)));
          controller.close();
          await reader.cancel().catch(() => {});
          return true;
        }
        for (const chunk of roleChunk()) controller.enqueue(chunk);
        controller.enqueue(frame(chunkObject(header(), { delta: {}, finish_reason: part.finishReason })));
        if (options.includeUsage) {
          controller.enqueue(frame(chunkObject(header(), undefined, usage ?? { promptTokens: 0, completionTokens: 0 })));
        }
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
        await reader.cancel().catch(() => {});
        return true;
      }
      case "error": {
        const failure = end({ status: "failed", error: part.error });
        controller.enqueue(frame(toOpenAIErrorBody(failure ?? part.error)));
        controller.close();
        await reader.cancel().catch(() => {});
        return true;
      }
      default:
        // Parts this format has no field for (thinking) are not sent to an OpenAI client.
        return false;
    }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull that enqueues nothing is never called again: read on until a frame goes out.
        while (!(await step(controller)));
      } catch (error) {
        const gatewayError = error instanceof GatewayError ? error : new GatewayError("internal_error", { cause: error });
        const failure = end({ status: "failed", error: gatewayError });
        try {
          controller.enqueue(frame(toOpenAIErrorBody(failure ?? gatewayError)));
          controller.close();
        } catch {
          // The client is already gone.
        }
      }
    },
    async cancel() {
      options.onCancel();
      await reader.cancel().catch(() => {});
      end({ status: "aborted", error: new GatewayError("request_aborted") });
    },
  });
}
