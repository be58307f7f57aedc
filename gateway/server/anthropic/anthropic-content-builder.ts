import type { FinishReason, Usage } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";

export type AnthropicContentBlock =
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "redacted_thinking"; data: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: string };

/** A Messages streaming event about one content block, before it is framed. */
export type AnthropicBlockEvent = { type: "content_block_start" | "content_block_delta" | "content_block_stop"; index: number } & Record<string, unknown>;

type ContentPart = Extract<ChatStreamPart, { type: "text-delta" | "thinking-delta" | "thinking-signature" | "redacted-thinking" }>;

/**
 * Turns the typed parts of an answer into Anthropic content blocks, and the streaming events
 * that build them, in one place for both the stream and the non-stream answer. Blocks come one
 * at a time in the order the model produced them; a thinking signature ends its block.
 *
 * Anthropic's format cannot go back to a closed block, so a tool_use block stays open until the
 * next tool starts or the answer ends: text or thinking that arrives meanwhile (a provider that
 * interleaves) is held and follows the tool's block. A delta for a tool whose block is already
 * closed cannot be carried and fails the answer.
 */
export class AnthropicContentBuilder {
  readonly content: AnthropicContentBlock[] = [];
  model: string | undefined;
  usage: Usage | undefined;
  finishReason: FinishReason | undefined;
  private open: AnthropicContentBlock | undefined;
  private readonly toolBlocks = new Map<number, number>();
  private held: ContentPart[] = [];

  /** The events a part produces; `finish` closes the last block. */
  push(part: Exclude<ChatStreamPart, { type: "error" }>): AnthropicBlockEvent[] {
    switch (part.type) {
      case "response-metadata":
        this.model ??= part.modelId;
        return [];
      case "text-delta":
      case "thinking-delta":
      case "thinking-signature":
      case "redacted-thinking":
        if (this.open?.type === "tool_use") {
          this.held.push(part);
          return [];
        }
        return this.pushContent(part);
      case "tool-call-start": {
        const events = this.releaseHeld();
        const index = this.content.length;
        this.toolBlocks.set(part.index, index);
        events.push(...this.openBlock({ type: "tool_use", id: part.id, name: part.name, input: "" }, { type: "tool_use", id: part.id, name: part.name, input: {} }));
        return events;
      }
      case "tool-call-delta": {
        const index = this.toolBlocks.get(part.index);
        if (index === undefined || part.argumentsDelta === "") return [];
        const block = this.content[index];
        if (block !== this.open || block?.type !== "tool_use") {
          throw new GatewayError("upstream_protocol_error", { message: "The model continued a tool call after other output, which an Anthropic answer cannot carry." });
        }
        block.input += part.argumentsDelta;
        return [{ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: part.argumentsDelta } }];
      }
      case "finish": {
        this.finishReason = part.finishReason;
        this.usage = part.usage;
        const events = this.releaseHeld();
        events.push(...this.closeOpen());
        return events;
      }
    }
  }

  private pushContent(part: ContentPart): AnthropicBlockEvent[] {
    switch (part.type) {
      case "text-delta": {
        if (part.delta === "") return [];
        const events = this.open?.type === "text" ? [] : this.openBlock({ type: "text", text: "" }, { type: "text", text: "" });
        const block = this.open;
        if (block?.type === "text") block.text += part.delta;
        events.push({ type: "content_block_delta", index: this.content.length - 1, delta: { type: "text_delta", text: part.delta } });
        return events;
      }
      case "thinking-delta": {
        if (part.delta === "") return [];
        const events = this.open?.type === "thinking" ? [] : this.openThinking();
        const block = this.open;
        if (block?.type === "thinking") block.thinking += part.delta;
        events.push({ type: "content_block_delta", index: this.content.length - 1, delta: { type: "thinking_delta", thinking: part.delta } });
        return events;
      }
      case "thinking-signature": {
        const events = this.open?.type === "thinking" ? [] : this.openThinking();
        const block = this.open;
        if (block?.type === "thinking") block.signature = part.signature;
        events.push({ type: "content_block_delta", index: this.content.length - 1, delta: { type: "signature_delta", signature: part.signature } });
        // The signature ends its thinking block.
        events.push(...this.closeOpen());
        return events;
      }
      case "redacted-thinking": {
        const block = { type: "redacted_thinking" as const, data: part.data };
        return [...this.openBlock(block, { ...block }), ...this.closeOpen()];
      }
    }
  }

  private openThinking(): AnthropicBlockEvent[] {
    return this.openBlock({ type: "thinking", thinking: "", signature: "" }, { type: "thinking", thinking: "", signature: "" });
  }

  private openBlock(block: AnthropicContentBlock, contentBlock: Record<string, unknown>): AnthropicBlockEvent[] {
    const events = this.closeOpen();
    const index = this.content.push(block) - 1;
    this.open = block;
    events.push({ type: "content_block_start", index, content_block: contentBlock });
    return events;
  }

  private closeOpen(): AnthropicBlockEvent[] {
    if (this.open === undefined) return [];
    const index = this.content.indexOf(this.open);
    this.open = undefined;
    return [{ type: "content_block_stop", index }];
  }

  /** Closes the open tool block and writes what arrived while it was open. */
  private releaseHeld(): AnthropicBlockEvent[] {
    if (this.held.length === 0) return [];
    const events = this.closeOpen();
    const held = this.held;
    this.held = [];
    for (const part of held) events.push(...this.pushContent(part));
    return events;
  }
}
