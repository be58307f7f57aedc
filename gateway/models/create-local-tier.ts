import { LlamaLogLevel } from "node-llama-cpp";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Logger, LogLevel } from "../logging/logger.js";
import type { ChatModel, EmbeddingModel } from "../providers/chat-model.js";
import { LocalChatModel } from "../providers/local-chat-model.js";
import { LocalEmbeddingModel } from "../providers/local-embedding-model.js";
import { createLocalServerChatModel, createLocalServerEmbeddingModel } from "../providers/local-server-models.js";
import { LocalModelManager, type IdleTimers } from "./local-model.js";
import { GgufModelControl, LocalServerControl, type LocalModelControl } from "./local-model-control.js";
import type { ModelLibrary } from "./model-library.js";

export interface LocalTierHandle {
  chat: ChatModel;
  embedding: EmbeddingModel;
  /** State, change notifications and switching, for the admin API, the UI and `doctor`. */
  control: LocalModelControl;
  /** The node-llama-cpp manager; absent when a local server answers. */
  manager: LocalModelManager | undefined;
  dispose(): Promise<void>;
}

export interface LocalTierContext {
  /** Resolves catalogue ids in `local.model` to downloaded files; without it only file paths work. */
  library?: ModelLibrary;
  /** Build the tier even with no model configured, so one can be downloaded and switched to while running. */
  always?: boolean;
  /** Tests fire the idle unload by hand. */
  timers?: IdleTimers;
}

/**
 * Builds the local tier from `config.local`: a GGUF file or catalogue model run by
 * node-llama-cpp, or a local OpenAI-compatible server. `undefined` when nothing is configured
 * (unless `always`). Nothing is loaded here: the model loads on the first request that needs it.
 */
export function createLocalTier(config: GatewayConfig, logger: Logger, context: LocalTierContext = {}): LocalTierHandle | undefined {
  const { local } = config;
  if (local.server !== undefined) {
    const options = { baseUrl: local.server.baseUrl, model: local.server.model, timeoutMs: config.server.upstreamTimeoutMs };
    return {
      chat: createLocalServerChatModel(options),
      embedding: createLocalServerEmbeddingModel(options),
      control: new LocalServerControl(local.server.baseUrl, local.server.model),
      manager: undefined,
      dispose: async () => undefined,
    };
  }
  if (local.model === undefined && !context.always) return undefined;
  const manager = new LocalModelManager({
    modelPath: GgufModelControl.resolvePath(local.model, context.library),
    contextSize: local.contextSize,
    parallelRequests: local.sequences,
    idleUnloadMs: local.idleUnloadSeconds * 1000,
    ...(context.timers ? { timers: context.timers } : {}),
    logger: (level, message) => {
      const text = message.trim();
      if (text !== "") logger.log(toLogLevel(level), `llama.cpp: ${text}`);
    },
  });
  const control = new GgufModelControl(manager, context.library, local.model);
  control.subscribe((state) => {
    if (state.status === "error") logger.log("error", "the local model cannot be used", { state: state.status, path: state.modelPath, reason: state.message });
    else if (state.status === "ready") logger.log("info", "the local model is ready", { state: state.status, path: state.modelPath, model: state.modelId, latencyMs: state.loadMilliseconds });
    else if (state.status === "unloaded") logger.log("info", "the local model was unloaded after being idle", { state: state.status });
    else logger.log("debug", "local model state", { state: state.status });
  });
  return {
    chat: new LocalChatModel(manager),
    embedding: new LocalEmbeddingModel(manager),
    control,
    manager,
    dispose: () => manager.dispose(),
  };
}

function toLogLevel(level: LlamaLogLevel): LogLevel {
  if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) return "error";
  if (level === LlamaLogLevel.warn) return "warn";
  return "debug";
}
