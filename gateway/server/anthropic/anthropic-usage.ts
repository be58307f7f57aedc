/** Usage in Anthropic's words; the gateway has no prompt cache, so its counts are zero. */
export function anthropicUsage(usage: { promptTokens: number; completionTokens: number } | undefined): Record<string, number> {
  return {
    input_tokens: usage?.promptTokens ?? 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: usage?.completionTokens ?? 0,
  };
}
