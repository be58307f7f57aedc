import type { ChatStreamPart } from "../providers/chat-model.js";
import type { PseudonymMap } from "../pseudonym/pseudonym-map.js";
import { Restorer } from "../pseudonym/restorer.js";

export interface RestoreStats {
  restored: number;
  unknownPlaceholders: number;
}

/**
 * Turns placeholders back into the original values in a provider's stream: message text and
 * every tool call's argument deltas, each with its own bounded hold-back. Held text is released
 * before `finish`, `error`, or at the end of the stream, so nothing is lost.
 *
 * A placeholder never spans carriers, so a part for one carrier (the text, the thinking, one tool
 * call) first releases what is held for every other: the parts keep the order the provider sent,
 * and an encoder never sees a held tail arrive after it moved on to another block.
 */
export function createRestoreStream(
  map: PseudonymMap,
  stats: RestoreStats,
  options: { contentIsJson?: boolean } = {},
): TransformStream<ChatStreamPart, ChatStreamPart> {
  // In JSON mode the content is a JSON document: a restored value lands inside one of its strings.
  const text = new Restorer(map, options.contentIsJson ? "json" : "text");
  const toolArguments = new Map<number, Restorer>();
  // Anthropic thinking text quotes the conversation too; it comes before the answer it precedes.
  const thinking = new Restorer(map, "text");
  const releaseThinking = (controller: TransformStreamDefaultController<ChatStreamPart>): void => {
    const held = thinking.flush();
    if (held) controller.enqueue({ type: "thinking-delta", delta: held });
  };

  const releaseText = (controller: TransformStreamDefaultController<ChatStreamPart>): void => {
    const rest = text.flush();
    if (rest) controller.enqueue({ type: "text-delta", delta: rest });
  };
  const releaseToolArguments = (controller: TransformStreamDefaultController<ChatStreamPart>, except?: number): void => {
    for (const [index, restorer] of toolArguments) {
      if (index === except) continue;
      const held = restorer.flush();
      if (held) controller.enqueue({ type: "tool-call-delta", index, argumentsDelta: held });
    }
  };
  const releaseHeld = (controller: TransformStreamDefaultController<ChatStreamPart>): void => {
    releaseThinking(controller);
    releaseText(controller);
    releaseToolArguments(controller);
    stats.restored = thinking.restored + text.restored + sum(toolArguments, (restorer) => restorer.restored);
    stats.unknownPlaceholders = thinking.unknownPlaceholders + text.unknownPlaceholders + sum(toolArguments, (restorer) => restorer.unknownPlaceholders);
  };

  return new TransformStream<ChatStreamPart, ChatStreamPart>({
    transform(part, controller) {
      // Metadata carries no text: it may come with every provider chunk, mid-placeholder.
      if (part.type === "response-metadata") {
        controller.enqueue(part);
        return;
      }
      // Whatever follows thinking text (its signature, the answer) comes after all of it.
      if (part.type !== "thinking-delta") releaseThinking(controller);
      switch (part.type) {
        case "thinking-delta": {
          releaseText(controller);
          releaseToolArguments(controller);
          const delta = thinking.push(part.delta);
          if (delta) controller.enqueue({ type: "thinking-delta", delta });
          return;
        }
        case "text-delta": {
          releaseToolArguments(controller);
          const delta = text.push(part.delta);
          if (delta) controller.enqueue({ type: "text-delta", delta });
          return;
        }
        case "tool-call-start":
          // Keep the order the provider sent: what is held of the text and of earlier calls goes first.
          releaseHeld(controller);
          toolArguments.set(part.index, new Restorer(map, "json"));
          controller.enqueue(part);
          return;
        case "tool-call-delta": {
          let restorer = toolArguments.get(part.index);
          if (!restorer) {
            restorer = new Restorer(map, "json");
            toolArguments.set(part.index, restorer);
          }
          releaseText(controller);
          releaseToolArguments(controller, part.index);
          const argumentsDelta = restorer.push(part.argumentsDelta);
          if (argumentsDelta) controller.enqueue({ type: "tool-call-delta", index: part.index, argumentsDelta });
          return;
        }
        case "finish":
        case "error":
          releaseHeld(controller);
          controller.enqueue(part);
          return;
        default:
          // Thinking signatures and redacted thinking are blocks of their own.
          releaseText(controller);
          releaseToolArguments(controller);
          controller.enqueue(part);
      }
    },
    flush(controller) {
      releaseHeld(controller);
    },
  });
}

function sum<T>(items: Map<number, T>, value: (item: T) => number): number {
  let total = 0;
  for (const item of items.values()) total += value(item);
  return total;
}
