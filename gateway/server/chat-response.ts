import type { FinishReason, Usage } from "../../shared/chat.js";
import { GatewayError, toOpenAIErrorBody } from "../../shared/errors.js";
import type { ChatStreamPart } from "../providers/chat-model.js";
import { encodePartStream, type PartEncoder } from "./encode-part-stream.js";
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
 * Writes typed parts as OpenAI chat-completion chunks over SSE, ending with the finish reason,
 * usage when asked, and `[DONE]`; how a failure or a lost client ends it, and when the record is
 * written, is `encodePartStream`'s.
 */
export function sseCompletionStream(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  options: { includeUsage: boolean; onEnd: (outcome: ResponseOutcome) => void; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let model: string | undefined;
  let usage: Usage | undefined;
  let sentRole = false;
  const frame = (value: unknown): Uint8Array => encoder.encode(`data: ${JSON.stringify(value)}\n\n`);
  const header = (): { id: string; created: number; model: string } => ({ id: identity.id, created: identity.created, model: model ?? identity.fallbackModel });
  const roleChunk = (): Uint8Array[] => {
    if (sentRole) return [];
    sentRole = true;
    return [frame(chunkObject(header(), { delta: { role: "assistant", content: "" } }))];
  };

  const partEncoder: PartEncoder = {
    frames(part) {
      switch (part.type) {
        case "response-metadata":
          model = part.modelId;
          return roleChunk();
        case "text-delta":
          return [...roleChunk(), ...(part.delta ? [frame(chunkObject(header(), { delta: { content: part.delta } }))] : [])];
        case "tool-call-start":
          return [
            ...roleChunk(),
            frame(chunkObject(header(), { delta: { tool_calls: [{ index: part.index, id: part.id, type: "function", function: { name: part.name, arguments: "" } }] } })),
          ];
        case "tool-call-delta":
          return [frame(chunkObject(header(), { delta: { tool_calls: [{ index: part.index, function: { arguments: part.argumentsDelta } }] } }))];
        case "finish":
          usage = part.usage;
          return [];
        default:
          // Parts this format has no field for (thinking) are not sent to an OpenAI client.
          return [];
      }
    },
    finish(part) {
      const frames = [...roleChunk(), frame(chunkObject(header(), { delta: {}, finish_reason: part.finishReason }))];
      if (options.includeUsage) frames.push(frame(chunkObject(header(), undefined, usage ?? { promptTokens: 0, completionTokens: 0 })));
      frames.push(encoder.encode("data: [DONE]\n\n"));
      return frames;
    },
    failure: (error) => [frame(toOpenAIErrorBody(error))],
    outcome: () => ({ model, usage }),
  };
  return encodePartStream(parts, partEncoder, options);
}
