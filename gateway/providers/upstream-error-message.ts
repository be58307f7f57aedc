import { openAIStreamErrorSchema } from "./openai-chunk-schema.js";

const maxProviderMessageLength = 200;

/**
 * The provider's own explanation, when it sent a short OpenAI-style error, so the user learns
 * why (a rate limit, an unknown model) rather than only a status. Key-shaped words are masked:
 * providers quote part of a rejected key, and keys never leave the gateway.
 */
export function providerErrorMessage(bodyText: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const parsed = openAIStreamErrorSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const raw = typeof parsed.data.error === "string" ? parsed.data.error : parsed.data.error.message;
  if (raw === undefined || raw === null) return undefined;
  const oneLine = maskKeys(raw).replace(/\s+/g, " ").trim();
  if (oneLine === "") return undefined;
  return oneLine.length > maxProviderMessageLength ? `${oneLine.slice(0, maxProviderMessageLength - 1)}…` : oneLine;
}

function maskKeys(text: string): string {
  return text
    .replace(/\b(?:sk|rk|gsk|xai)[-_][A-Za-z0-9_*.-]{6,}/g, "[key]")
    .replace(/\bBearer\s+\S+/gi, "Bearer [key]");
}

/** A sentence for an error status, with the provider's words when it gave usable ones. */
export function describeUpstreamStatus(status: number, bodyText: string): string {
  const fromProvider = providerErrorMessage(bodyText);
  const base = `The provider answered with HTTP status ${status}.`;
  return fromProvider === undefined ? base : `${base} It said: ${fromProvider}`;
}
