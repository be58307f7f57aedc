import { createAnthropicEventTransform } from "./anthropic-event-transform.js";
import type { ChatStreamPart } from "./chat-model.js";
import { parseSseEvents } from "./sse-event-stream.js";

/**
 * The bytes of an Anthropic Messages event stream, as typed parts. A failure of the body itself
 * (a reset socket, an abort) errors the returned stream; the adapter turns that into a part.
 */
export function parseAnthropicStream(body: ReadableStream<Uint8Array>, options: { passThinking?: boolean } = {}): ReadableStream<ChatStreamPart> {
  return parseSseEvents(body).pipeThrough(createAnthropicEventTransform(options));
}
