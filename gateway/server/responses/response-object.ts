import type { FinishReason, Usage } from "../../../shared/chat.js";
import type { GatewayError } from "../../../shared/errors.js";
import type { ResponsesRequest } from "../../../shared/responses-schema.js";
import { toResponseErrorField } from "./error-body.js";

/** Builders of the OpenAI Responses objects the gateway sends, stream and non-stream alike. */

export type ResponseStatus = "in_progress" | "completed" | "incomplete" | "failed";

export interface MessageItem {
  type: "message";
  id: string;
  status: "in_progress" | "completed" | "incomplete";
  role: "assistant";
  content: OutputTextPart[];
}

export interface OutputTextPart {
  type: "output_text";
  text: string;
  annotations: never[];
  logprobs: never[];
}

export interface FunctionCallItem {
  type: "function_call";
  id: string;
  status: "in_progress" | "completed" | "incomplete";
  call_id: string;
  name: string;
  arguments: string;
  /** The group of a namespaced tool, as the client declared it. */
  namespace?: string;
}

/** A call to a custom (freeform) tool: its input is raw text. */
export interface CustomToolCallItem {
  type: "custom_tool_call";
  id: string;
  status: "in_progress" | "completed" | "incomplete";
  call_id: string;
  name: string;
  input: string;
  namespace?: string;
}

export type OutputItem = MessageItem | FunctionCallItem | CustomToolCallItem;

/** What the client asked for, echoed in every response object as OpenAI does. */
export interface ResponseEcho {
  instructions: string | null;
  maxOutputTokens: number | null;
  metadata: Record<string, string>;
  parallelToolCalls: boolean;
  temperature: number | null;
  topP: number | null;
  toolChoice: unknown;
  tools: unknown[];
  text: { format: unknown };
  user: string | undefined;
}

export function responseEcho(request: ResponsesRequest): ResponseEcho {
  return {
    instructions: request.instructions ?? null,
    maxOutputTokens: request.max_output_tokens ?? null,
    metadata: request.metadata ?? {},
    parallelToolCalls: request.parallel_tool_calls ?? true,
    temperature: request.temperature ?? null,
    topP: request.top_p ?? null,
    toolChoice: request.tool_choice ?? "auto",
    tools: request.tools ?? [],
    text: { format: request.text?.format ?? { type: "text" } },
    user: request.user ?? undefined,
  };
}

export function outputTextPart(text: string): OutputTextPart {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

/** `stop` and `tool_calls` complete a response; running out of tokens or a filter leaves it incomplete. */
export function statusOf(finishReason: FinishReason): { status: "completed" | "incomplete"; incompleteReason: string | undefined } {
  if (finishReason === "length") return { status: "incomplete", incompleteReason: "max_output_tokens" };
  if (finishReason === "content_filter") return { status: "incomplete", incompleteReason: "content_filter" };
  return { status: "completed", incompleteReason: undefined };
}

export function usageObject(usage: Usage | undefined): Record<string, unknown> {
  const input = usage?.promptTokens ?? 0;
  const output = usage?.completionTokens ?? 0;
  return { input_tokens: input, input_tokens_details: { cached_tokens: 0 }, output_tokens: output, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: input + output };
}

export function responseObject(input: {
  id: string;
  createdAt: number;
  model: string;
  status: ResponseStatus;
  output: OutputItem[];
  echo: ResponseEcho;
  usage?: Usage | undefined;
  incompleteReason?: string | undefined;
  error?: GatewayError | undefined;
}): Record<string, unknown> {
  const { echo } = input;
  const body: Record<string, unknown> = {
    id: input.id,
    object: "response",
    created_at: input.createdAt,
    status: input.status,
    background: false,
    error: input.error ? toResponseErrorField(input.error) : null,
    incomplete_details: input.incompleteReason ? { reason: input.incompleteReason } : null,
    instructions: echo.instructions,
    max_output_tokens: echo.maxOutputTokens,
    metadata: echo.metadata,
    model: input.model,
    output: input.output,
    parallel_tool_calls: echo.parallelToolCalls,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: echo.temperature,
    text: echo.text,
    tool_choice: echo.toolChoice,
    tools: echo.tools,
    top_p: echo.topP,
    truncation: "disabled",
    usage: input.status === "in_progress" ? null : usageObject(input.usage),
  };
  if (echo.user !== undefined) body.user = echo.user;
  return body;
}
