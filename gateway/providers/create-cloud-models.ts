import type { GatewayConfig } from "../config/config-schema.js";
import type { Egress } from "../pipeline/egress.js";
import { createAnthropicChatModel } from "./anthropic-chat-model.js";
import type { ChatModel } from "./chat-model.js";
import { createOpenAICompatibleChatModel } from "./openai-compatible-chat-model.js";
import type { MaxTokensParameter } from "./openai-chat-request-body.js";

/** OpenAI's own API takes only `max_completion_tokens` for its newer models; compatible servers know `max_tokens`. */
export function maxTokensParameterFor(kind: GatewayConfig["providers"][number]["kind"]): MaxTokensParameter {
  return kind === "openai" ? "max_completion_tokens" : "max_tokens";
}

/** One adapter per configured provider, all sending through the one egress gate. */
export function createCloudModels(config: GatewayConfig, egress: Egress): Map<string, ChatModel> {
  const models = new Map<string, ChatModel>();
  for (const provider of config.providers) {
    if (provider.kind === "anthropic") {
      models.set(provider.id, createAnthropicChatModel({ providerId: provider.id, baseUrl: provider.baseUrl, egress, timeoutMs: config.server.upstreamTimeoutMs }));
      continue;
    }
    models.set(
      provider.id,
      createOpenAICompatibleChatModel({
        providerId: provider.id,
        baseUrl: provider.baseUrl,
        egress,
        timeoutMs: config.server.upstreamTimeoutMs,
        maxTokensParameter: maxTokensParameterFor(provider.kind),
      }),
    );
  }
  return models;
}
