import type { Usage } from "../../shared/chat.js";
import { GatewayError } from "../../shared/errors.js";
import type { ChatStreamPart } from "./chat-model.js";
import { mapOpenAIFinishReason } from "./map-openai-finish-reason.js";
import { openAIChunkSchema, type OpenAIChunk } from "./openai-chunk-schema.js";
import type { EventSourceMessage } from "./sse-event-stream.js";
import { ToolCallAssembler } from "./tool-call-assembler.js";
import { providerErrorMessage } from "./upstream-error-message.js";

/**
 * Translates the events of an OpenAI chat-completions stream into typed parts. `finish` is held
 * back until the stream is over, because `include_usage` puts the usage in a chunk of its own
 * after the one that carries `finish_reason`. After a terminal part (`finish` or `error`) every
 * further event is ignored; whether to read the rest of the body or drop it is the reader's call.
 */
export function createOpenAIChunkTransform(): TransformStream<EventSourceMessage, ChatStreamPart> {
  const toolCalls = new ToolCallAssembler();
  let announcedModel = false;
  let finishReason: string | undefined;
  let usage: Usage | undefined;
  let ended = false;

  function finishPart(): ChatStreamPart {
    if (toolCalls.hasIncompleteCall) {
      return protocolError("The provider sent a tool call without an id or a function name.");
    }
    return { type: "finish", finishReason: mapOpenAIFinishReason(finishReason, toolCalls.sawToolCall), usage };
  }

  function acceptChunk(chunk: OpenAIChunk, emit: (part: ChatStreamPart) => void): void {
    if (!announcedModel && chunk.model) {
      announcedModel = true;
      emit({ type: "response-metadata", modelId: chunk.model });
    }
    if (chunk.usage) usage = toUsage(chunk.usage);
    // We always ask for one choice; any other index would be a second answer we did not request.
    const choice = chunk.choices?.find((candidate) => (candidate.index ?? 0) === 0);
    if (choice === undefined) return;
    const delta = choice.delta;
    if (delta?.content) emit({ type: "text-delta", delta: delta.content });
    // There is no refusal part; the refusal is the answer the client must see, so it goes out as text.
    if (delta?.refusal) emit({ type: "text-delta", delta: delta.refusal });
    if (delta?.tool_calls) toolCalls.accept(delta.tool_calls, emit);
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }

  return new TransformStream<EventSourceMessage, ChatStreamPart>({
    transform(event, controller) {
      if (ended) return;
      const emit = (part: ChatStreamPart): void => controller.enqueue(part);
      const end = (part: ChatStreamPart): void => {
        ended = true;
        controller.enqueue(part);
      };
      const isErrorEvent = event.event === "error";
      // Named events are not part of the chat-completions protocol (keep-alive pings and the like).
      if (event.event !== undefined && event.event !== "message" && !isErrorEvent) return;
      const data = event.data.trim();
      if (data === "") return;
      if (data === "[DONE]") return end(finishPart());

      const value = parseJson(data);
      if (value === undefined) {
        return end(
          isErrorEvent
            ? streamError(undefined)
            : protocolError("The provider sent a stream chunk that is not valid JSON."),
        );
      }
      if (isErrorEvent || hasErrorObject(value)) {
        return end(streamError(data));
      }
      const parsed = openAIChunkSchema.safeParse(value);
      if (!parsed.success) {
        return end(protocolError("The provider sent a stream chunk in an unexpected shape."));
      }
      acceptChunk(parsed.data, emit);
    },
    flush(controller) {
      if (ended) return;
      // Without `[DONE]`, a finish reason still proves the answer was complete; servers differ.
      if (finishReason !== undefined) controller.enqueue(finishPart());
      else controller.enqueue(protocolError("The provider cut the stream off before the answer was complete."));
    },
  });
}

/** Some servers put `"error": null` in ordinary chunks; only a present error counts. */
function hasErrorObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { error?: unknown }).error != null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toUsage(raw: NonNullable<OpenAIChunk["usage"]>): Usage {
  return { promptTokens: raw.prompt_tokens ?? 0, completionTokens: raw.completion_tokens ?? 0 };
}

function protocolError(message: string): ChatStreamPart {
  return { type: "error", error: new GatewayError("upstream_protocol_error", { message }) };
}

function streamError(dataText: string | undefined): ChatStreamPart {
  const fromProvider = dataText === undefined ? undefined : providerErrorMessage(dataText);
  const base = "The provider reported an error in the middle of its answer.";
  const message = fromProvider === undefined ? base : `${base} It said: ${fromProvider}`;
  return { type: "error", error: new GatewayError("upstream_error", { message }) };
}
