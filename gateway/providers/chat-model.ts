import type { ChatCall, FinishReason, Usage } from "../../shared/chat.js";
import type { GatewayError } from "../../shared/errors.js";

/**
 * Typed parts a provider streams. Nothing provider-native (no SSE lines, no vendor chunks)
 * passes between layers: each adapter translates its wire format into these.
 */
export type ChatStreamPart =
  | { type: "response-metadata"; modelId: string }
  | { type: "text-delta"; delta: string }
  | { type: "tool-call-start"; index: number; id: string; name: string }
  | { type: "tool-call-delta"; index: number; argumentsDelta: string }
  /**
   * Anthropic extended thinking, only when the call asked for it (`ChatCall.thinking`): text of a
   * thinking block, the signature that closes it, or a redacted block.
   */
  | { type: "thinking-delta"; delta: string }
  | { type: "thinking-signature"; signature: string }
  | { type: "redacted-thinking"; data: string }
  | { type: "finish"; finishReason: FinishReason; usage: Usage | undefined }
  | { type: "error"; error: GatewayError };

export interface StreamOptions {
  /** Aborted when the client goes away or a timeout fires; the adapter stops upstream work. */
  signal: AbortSignal;
}

/**
 * One interface for every tier: local, OpenAI, Anthropic, any OpenAI-compatible endpoint.
 * `doStream` rejects with a GatewayError when the call fails before any part exists (so the
 * HTTP edge can still answer with a status); later failures arrive as an `error` part.
 */
export interface ChatModel {
  /** Provider id: `local` or a configured provider's id. */
  readonly providerId: string;
  doStream(call: ChatCall, options: StreamOptions): Promise<ReadableStream<ChatStreamPart>>;
  /**
   * Exactly what `doStream` would send for `call`, for the dry run. Cloud adapters only: the
   * local tier sends nothing off the machine.
   */
  describeRequest?(call: ChatCall): OutboundDescription;
}

/** The URL and JSON body a cloud adapter sends (the key is added by the egress gate, never shown). */
export interface OutboundDescription {
  url: string;
  body: Record<string, unknown>;
}

export interface EmbeddingResult {
  vectors: number[][];
  promptTokens: number;
  modelId: string;
}

export interface EmbeddingModel {
  readonly providerId: string;
  embed(texts: string[], options: StreamOptions): Promise<EmbeddingResult>;
}
