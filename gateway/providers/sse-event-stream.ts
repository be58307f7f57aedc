import { EventSourceParserStream, type EventSourceMessage } from "eventsource-parser/stream";

export type { EventSourceMessage };

/**
 * No single event of a chat stream comes near this; a server that never ends its event must not
 * make the gateway buffer without bound.
 */
const maxEventCharacters = 8 * 1024 * 1024;

/**
 * Turns the raw bytes of an event-stream response into its events. The decoder keeps a UTF-8
 * character that is split across network reads; the parser carries partial lines over, and
 * handles CRLF, comments and multi-line `data:` fields, so no chunk boundary can corrupt an
 * event.
 */
export function parseSseEvents(body: ReadableStream<Uint8Array>): ReadableStream<EventSourceMessage> {
  return body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream({ maxBufferSize: maxEventCharacters }));
}
