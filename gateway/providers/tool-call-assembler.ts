import type { ChatStreamPart } from "./chat-model.js";
import type { OpenAIToolCallDelta } from "./openai-chunk-schema.js";

interface ToolCallState {
  id: string | undefined;
  name: string | undefined;
  started: boolean;
  /** Argument text that arrived before the id and name did; flushed right after the start. */
  heldArguments: string;
}

/**
 * Turns OpenAI tool-call deltas into `tool-call-start` and `tool-call-delta` parts. A call
 * starts once its index has both an id and a name (the restore step needs to know whose
 * arguments it is holding); argument fragments are passed on as they come, never reassembled
 * here, so placeholders split across fragments are the restore step's job, as for text.
 */
export class ToolCallAssembler {
  readonly #calls = new Map<number, ToolCallState>();

  get sawToolCall(): boolean {
    return this.#calls.size > 0;
  }

  accept(deltas: readonly OpenAIToolCallDelta[], emit: (part: ChatStreamPart) => void): void {
    deltas.forEach((delta, position) => {
      // Servers that send each call whole in one delta sometimes leave out the index.
      const index = delta.index ?? position;
      let state = this.#calls.get(index);
      if (state === undefined) {
        state = { id: undefined, name: undefined, started: false, heldArguments: "" };
        this.#calls.set(index, state);
      }
      if (!state.started) {
        state.id ??= nonEmpty(delta.id);
        state.name ??= nonEmpty(delta.function?.name);
      }
      const argumentsDelta = delta.function?.arguments ?? "";
      if (state.started) {
        if (argumentsDelta !== "") emit({ type: "tool-call-delta", index, argumentsDelta });
        return;
      }
      state.heldArguments += argumentsDelta;
      if (state.id !== undefined && state.name !== undefined) {
        state.started = true;
        emit({ type: "tool-call-start", index, id: state.id, name: state.name });
        if (state.heldArguments !== "") emit({ type: "tool-call-delta", index, argumentsDelta: state.heldArguments });
        state.heldArguments = "";
      }
    });
  }

  /** True when some call never got both an id and a name: its parts were never emitted. */
  get hasIncompleteCall(): boolean {
    for (const state of this.#calls.values()) if (!state.started) return true;
    return false;
  }
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : value;
}
