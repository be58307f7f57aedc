import type { ResponseFacts } from "../audit/receipt-builder.js";
import type { ChatStreamPart } from "../providers/chat-model.js";

/** Enough to classify any real answer; a runaway one is cut here rather than held in memory whole. */
const maximumCapturedCharacters = 1_048_576;

/**
 * Watches the answer on its way to the client, after placeholders are restored, so the
 * record can say what came back (response findings) and a logging rule can keep it. The parts
 * pass through unchanged.
 */
export class ResponseCapture {
  #text = "";
  readonly #toolCalls = new Map<number, { name: string; arguments: string }>();
  #captured = 0;

  transform(): TransformStream<ChatStreamPart, ChatStreamPart> {
    return new TransformStream<ChatStreamPart, ChatStreamPart>({
      transform: (part, controller) => {
        this.#observe(part);
        controller.enqueue(part);
      },
    });
  }

  facts(): ResponseFacts {
    return { text: this.#text, toolCalls: [...this.#toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => ({ ...call })) };
  }

  #observe(part: ChatStreamPart): void {
    switch (part.type) {
      case "text-delta":
        this.#text += this.#take(part.delta);
        return;
      case "tool-call-start":
        this.#toolCalls.set(part.index, { name: part.name, arguments: "" });
        return;
      case "tool-call-delta": {
        const call = this.#toolCalls.get(part.index);
        if (call) call.arguments += this.#take(part.argumentsDelta);
        return;
      }
      default:
        return;
    }
  }

  #take(text: string): string {
    const room = Math.max(0, maximumCapturedCharacters - this.#captured);
    const taken = text.length <= room ? text : text.slice(0, room);
    this.#captured += taken.length;
    return taken;
  }
}
