/**
 * The chat request as the gateway works with it, in the OpenAI wire vocabulary. Parsed from
 * the inbound request, walked by extraction and pseudonymization, and handed to a provider.
 */
export type ChatRole = "system" | "developer" | "user" | "assistant" | "tool";

export interface TextPart {
  type: "text";
  text: string;
}

/** Images, audio and files: content the gateway cannot scan, a finding of its own. */
export interface OpaquePart {
  type: "image_url" | "input_audio" | "file";
  data: Record<string, unknown>;
}

export type ContentPart = TextPart | OpaquePart;

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/**
 * Anthropic extended thinking from an earlier answer. Only Anthropic models take it back (their
 * signature vouches for the text); every other tier drops it.
 */
export type ThinkingBlock = { type: "thinking"; thinking: string; signature: string } | { type: "redacted_thinking"; data: string };

/** Anthropic's `thinking` setting, passed on only to Anthropic models. */
export interface ThinkingConfig {
  type: "enabled" | "disabled" | "adaptive";
  budgetTokens?: number;
  display?: "summarized" | "omitted";
}

export interface ChatMessage {
  role: ChatRole;
  content: string | ContentPart[] | null;
  name?: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
  /** Assistant messages: thinking that came before the content. */
  thinking?: ThinkingBlock[];
}

export interface ToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; jsonSchema: { name: string; schema?: Record<string, unknown>; strict?: boolean; description?: string } };

/** Generation settings shared by every tier. */
export interface ChatCall {
  /** The model id at the provider that answers (for the local tier, the loaded model's name). */
  model: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
  responseFormat?: ResponseFormat;
  /** Anthropic's `output_config.effort`, passed on only to Anthropic models. */
  effort?: "low" | "medium" | "high" | "max";
  thinking?: ThinkingConfig;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}
