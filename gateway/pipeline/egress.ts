/**
 * The outbound request a provider adapter wants to send. Adapters never call `fetch`
 * themselves: they hand this to the egress gate, the one door to the network for prompt data,
 * which re-scans `body` (the exact bytes), checks the URL against the provider's configured
 * base URL, adds the API key, and only then sends.
 */
export interface OutboundRequest {
  providerId: string;
  url: string;
  method: "POST" | "GET";
  /** Headers without credentials; the gate adds the key. */
  headers: Record<string, string>;
  /**
   * Where the gate puts the key: `authorization` as `Bearer <key>` (OpenAI and compatible
   * servers, the default) or `x-api-key` as is (Anthropic).
   */
  credentialHeader?: "authorization" | "x-api-key";
  /** The exact JSON text that leaves the machine. */
  body: string;
  signal: AbortSignal;
}

export interface Egress {
  send(request: OutboundRequest): Promise<Response>;
}
