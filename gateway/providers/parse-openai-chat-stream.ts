import type { ChatStreamPart } from "./chat-model.js";
import { createOpenAIChunkTransform } from "./openai-chunk-transform.js";
import { parseSseEvents } from "./sse-event-stream.js";

/**
 * The bytes of an OpenAI chat-completions event stream, as typed parts. A failure of the body
 * itself (a reset socket, an abort) errors the returned stream; the adapter turns that into a part.
 */
export function parseOpenAIChatStream(body: ReadableStream<Uint8Array>): ReadableStream<ChatStreamPart> {
  return parseSseEvents(body).pipeThrough(createOpenAIChunkTransform());
}
