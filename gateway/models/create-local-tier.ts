import { LlamaLogLevel } from "node-llama-cpp";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Logger, LogLevel } from "../logging/logger.js";
import type { ChatModel, EmbeddingModel } from "../providers/chat-model.js";
import { LocalChatModel } from "../providers/local-chat-model.js";
import { LocalEmbeddingModel } from "../providers/local-embedding-model.js";
import { LocalModelManager } from "./local-model.js";

export interface LocalTierHandle {
  chat: ChatModel;
  embedding: EmbeddingModel;
  /** For the admin API and UI: state, subscribe, setModelPath. */
  manager: LocalModelManager;
  dispose(): Promise<void>;
}

/**
 * Builds the local tier from `config.local`; `undefined` when no model is configured. Nothing
 * is loaded here: the model loads on the first request that needs it.
 */
export function createLocalTier(config: GatewayConfig, logger: Logger): LocalTierHandle | undefined {
  const modelPath = config.local.model;
  if (modelPath === undefined) return undefined;
  const manager = new LocalModelManager({
    modelPath,
    contextSize: config.local.contextSize,
    parallelRequests: config.local.sequences,
    logger: (level, message) => {
      const text = message.trim();
      if (text !== "") logger.log(toLogLevel(level), `llama.cpp: ${text}`);
    },
  });
  manager.subscribe((state) => {
    if (state.status === "error") logger.log("error", "the local model cannot be used", { state: state.status, path: state.modelPath, reason: state.message });
    else if (state.status === "ready") logger.log("info", "the local model is ready", { state: state.status, path: state.modelPath, model: state.modelId, latencyMs: state.loadMilliseconds });
    else logger.log("debug", "local model state", { state: state.status });
  });
  return {
    chat: new LocalChatModel(manager),
    embedding: new LocalEmbeddingModel(manager),
    manager,
    dispose: () => manager.dispose(),
  };
}

function toLogLevel(level: LlamaLogLevel): LogLevel {
  if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) return "error";
  if (level === LlamaLogLevel.warn) return "warn";
  return "debug";
}
