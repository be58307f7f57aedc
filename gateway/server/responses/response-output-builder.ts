import type { FinishReason, Usage } from "../../../shared/chat.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import { customToolInput } from "./custom-tool-input.js";
import { outputTextPart, statusOf, type CustomToolCallItem, type FunctionCallItem, type MessageItem, type OutputItem } from "./response-object.js";
import type { ResponsesToolMap } from "./responses-tools.js";

type OpenCall = { item: FunctionCallItem; index: number } | { item: CustomToolCallItem; index: number; argumentsText: string };

/** A Responses streaming event before its `sequence_number` is given. */
export type ResponseEvent = { type: string } & Record<string, unknown>;

/**
 * Turns the typed parts of an answer into Responses output items, and the streaming events
 * that build them, in one place for both the stream and the non-stream answer. Text opens a
 * message item; a tool call closes it and opens a function_call item. Function calls stay open
 * until the finish (restore may release an earlier call's held arguments after a later call
 * started) and close in order. A call to a custom (freeform) tool becomes a `custom_tool_call`
 * item: its arguments are JSON (`{"input": "..."}`, placeholders already restored) and are held
 * until the finish, when the raw input is decoded and sent whole, in one
 * `response.custom_tool_call_input.delta` and its `.done`: a JSON string cut mid-escape cannot
 * be decoded safely piece by piece. A namespaced function call names its namespace again.
 */
export class ResponseOutputBuilder {
  readonly output: OutputItem[] = [];
  model: string | undefined;
  usage: Usage | undefined;
  finishReason: FinishReason | undefined;
  private openMessage: { item: MessageItem; index: number } | undefined;
  private readonly openCalls = new Map<number, OpenCall>();
  private messageCount = 0;
  /** Custom tool calls whose arguments were not the expected `{"input": "..."}` (sent as faithfully as could be). */
  inexactCustomInputs = 0;

  constructor(
    private readonly idPrefix: string,
    private readonly tools?: ResponsesToolMap,
  ) {}

  /** The events a part produces; a `finish` part only records how the answer ended (see `close`). */
  push(part: Exclude<ChatStreamPart, { type: "error" }>): ResponseEvent[] {
    switch (part.type) {
      case "response-metadata":
        this.model = part.modelId;
        return [];
      case "text-delta": {
        if (part.delta === "") return [];
        const events: ResponseEvent[] = [];
        if (!this.openMessage) {
          const item: MessageItem = { type: "message", id: `msg_${this.idPrefix}_${this.messageCount++}`, status: "in_progress", role: "assistant", content: [] };
          const index = this.output.push(item) - 1;
          this.openMessage = { item, index };
          events.push({ type: "response.output_item.added", output_index: index, item: structuredClone(item) });
          item.content.push(outputTextPart(""));
          events.push({ type: "response.content_part.added", item_id: item.id, output_index: index, content_index: 0, part: outputTextPart("") });
        }
        const { item, index } = this.openMessage;
        const text = item.content[0];
        if (text) text.text += part.delta;
        events.push({ type: "response.output_text.delta", item_id: item.id, output_index: index, content_index: 0, delta: part.delta, logprobs: [] });
        return events;
      }
      case "tool-call-start": {
        if (this.openCalls.has(part.index)) return [];
        const events = this.closeMessage("completed");
        events.push(...this.openCall(part.index, part.id, part.name));
        return events;
      }
      case "tool-call-delta": {
        // A delta before its start (a provider that skipped it) still gets an item of its own.
        const events = this.openCalls.has(part.index) ? [] : [...this.closeMessage("completed"), ...this.openCall(part.index, `call_${part.index}`, "")];
        const call = this.openCalls.get(part.index);
        if (!call || part.argumentsDelta === "") return events;
        if (call.item.type === "custom_tool_call") {
          (call as Extract<OpenCall, { argumentsText: string }>).argumentsText += part.argumentsDelta;
          return events;
        }
        call.item.arguments += part.argumentsDelta;
        events.push({ type: "response.function_call_arguments.delta", item_id: call.item.id, output_index: call.index, delta: part.argumentsDelta });
        return events;
      }
      case "finish":
        this.finishReason = part.finishReason;
        this.usage = part.usage;
        return [];
      case "thinking-delta":
      case "thinking-signature":
      case "redacted-thinking":
        // Only a Messages request asks an Anthropic model for thinking; none reaches a Responses client.
        return [];
    }
  }

  /** Closes every open item: the events that end them, in output order. */
  close(): ResponseEvent[] {
    const itemStatus = this.finishReason === undefined ? "incomplete" : statusOf(this.finishReason).status;
    const events = this.closeMessage(itemStatus);
    for (const call of [...this.openCalls.values()].sort((a, b) => a.index - b.index)) {
      call.item.status = itemStatus;
      if ("argumentsText" in call) {
        const { input, exact } = customToolInput(call.argumentsText);
        if (!exact) this.inexactCustomInputs++;
        call.item.input = input;
        if (input !== "") events.push({ type: "response.custom_tool_call_input.delta", item_id: call.item.id, output_index: call.index, delta: input });
        events.push({ type: "response.custom_tool_call_input.done", item_id: call.item.id, output_index: call.index, input });
      } else {
        events.push({ type: "response.function_call_arguments.done", item_id: call.item.id, output_index: call.index, name: call.item.name, arguments: call.item.arguments });
      }
      events.push({ type: "response.output_item.done", output_index: call.index, item: structuredClone(call.item) });
    }
    this.openCalls.clear();
    return events;
  }

  private openCall(index: number, callId: string, name: string): ResponseEvent[] {
    // The model knows a client's tool by the name the request gave it; the client gets its own.
    const client = this.tools?.clientTool(name);
    const namespace = client?.namespace !== undefined ? { namespace: client.namespace } : {};
    if (client?.kind === "custom") {
      const item: CustomToolCallItem = { type: "custom_tool_call", id: `ctc_${this.idPrefix}_${index}`, status: "in_progress", call_id: callId, name: client.name, input: "", ...namespace };
      const outputIndex = this.output.push(item) - 1;
      this.openCalls.set(index, { item, index: outputIndex, argumentsText: "" });
      return [{ type: "response.output_item.added", output_index: outputIndex, item: structuredClone(item) }];
    }
    const item: FunctionCallItem = { type: "function_call", id: `fc_${this.idPrefix}_${index}`, status: "in_progress", call_id: callId, name: client?.name ?? name, arguments: "", ...namespace };
    const outputIndex = this.output.push(item) - 1;
    this.openCalls.set(index, { item, index: outputIndex });
    return [{ type: "response.output_item.added", output_index: outputIndex, item: structuredClone(item) }];
  }

  private closeMessage(status: MessageItem["status"]): ResponseEvent[] {
    if (!this.openMessage) return [];
    const { item, index } = this.openMessage;
    this.openMessage = undefined;
    item.status = status;
    const text = item.content[0] ?? outputTextPart("");
    return [
      { type: "response.output_text.done", item_id: item.id, output_index: index, content_index: 0, text: text.text, logprobs: [] },
      { type: "response.content_part.done", item_id: item.id, output_index: index, content_index: 0, part: structuredClone(text) },
      { type: "response.output_item.done", output_index: index, item: structuredClone(item) },
    ];
  }
}
