import { join } from "node:path";
import { ClientTokenStore } from "../auth/client-tokens.js";
import { databaseFileName, openDatabase } from "../audit/open-database.js";
import { RequestLog } from "../audit/request-log.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { acquireDataDirLock } from "../config/data-dir-lock.js";
import { defaultDetectors } from "../detection/detect.js";
import type { Logger } from "../logging/logger.js";
import { createEgressGate } from "../pipeline/egress-gate.js";
import { policyVersion as computePolicyVersion } from "../policy/policy-version.js";
import type { ChatModel, EmbeddingModel } from "../providers/chat-model.js";
import { createOpenAICompatibleChatModel } from "../providers/openai-compatible-chat-model.js";
import { createProviderFetch } from "../providers/provider-fetch.js";
import { createKeyStore, type KeyStore } from "../secrets/key-store.js";
import { createGatewayApp } from "./app.js";
import { listen } from "./listen.js";

export interface LocalTier {
  chat: ChatModel;
  embedding: EmbeddingModel;
  dispose(): Promise<void>;
}

export interface StartGatewayOptions {
  dataDir: string;
  config: GatewayConfig;
  logger: Logger;
  /** Overrides `config.server`; port 0 picks a free port. */
  host?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  keyStore?: KeyStore;
  /** Builds the local tier from config; undefined when no local model is configured. */
  createLocalTier: (config: GatewayConfig, logger: Logger) => LocalTier | undefined;
  fetch?: typeof fetch;
}

export interface RunningGateway {
  url: string;
  port: number;
  host: string;
  policyVersion: string;
  tokens: ClientTokenStore;
  close(): Promise<void>;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1"]);

/** Locks the data directory, opens the database, assembles the pipeline and listens. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config, logger } = options;
  const host = options.host ?? config.server.host;
  const requestedPort = options.port ?? config.server.port;
  const lock = acquireDataDirLock(options.dataDir);
  const cleanups: Array<() => Promise<void> | void> = [() => lock.release()];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.reverse()) await step();
  };
  try {
    const database = openDatabase(join(options.dataDir, databaseFileName));
    cleanups.push(() => void database.close());
    const tokens = new ClientTokenStore(database);
    const requestLog = new RequestLog(database);
    const keyStore = options.keyStore ?? createKeyStore(options.env ? { env: options.env } : {});
    const policyVersion = computePolicyVersion(config);

    const egress = createEgressGate({
      baseUrls: new Map(config.providers.map((provider) => [provider.id, provider.baseUrl])),
      resolveKey: async (providerId, signal) => (await keyStore.resolve(providerId, signal))?.value,
      detectors: defaultDetectors,
      fetch: options.fetch ?? createProviderFetch(options.env ?? process.env).fetch,
      onBlocked: (providerId, types) => logger.log("warn", "egress gate stopped a request", { provider: providerId, findingTypes: types }),
    });
    const cloudModels = new Map<string, ChatModel>(
      config.providers
        .filter((provider) => provider.kind !== "anthropic")
        .map((provider) => [
          provider.id,
          createOpenAICompatibleChatModel({
            providerId: provider.id,
            baseUrl: provider.baseUrl,
            egress,
            timeoutMs: config.server.upstreamTimeoutMs,
            // OpenAI's own API takes only `max_completion_tokens` for its newer models.
            maxTokensParameter: provider.kind === "openai" ? "max_completion_tokens" : "max_tokens",
          }),
        ]),
    );
    for (const provider of config.providers) {
      if (provider.kind === "anthropic") logger.log("warn", "Anthropic providers are not supported yet; requests for it are refused", { provider: provider.id });
    }

    const localTier = options.createLocalTier(config, logger);
    if (localTier) cleanups.push(() => localTier.dispose());

    let boundPort = requestedPort;
    const app = createGatewayApp({
      config,
      policyVersion,
      detectors: defaultDetectors,
      localModel: localTier?.chat,
      cloudModel: (providerId) => cloudModels.get(providerId),
      embeddingModel: localTier?.embedding,
      tokens,
      requestLog,
      logger,
      port: () => boundPort,
      extraHosts: loopbackHosts.has(host) ? [] : [host.includes(":") ? `[${host}]` : host],
    });
    const server = await listen(app, host, requestedPort);
    boundPort = server.port;
    cleanups.push(() => server.close());
    const urlHost = host.includes(":") ? `[${host}]` : host;
    let closed = false;
    return {
      url: `http://${urlHost}:${server.port}`,
      port: server.port,
      host,
      policyVersion,
      tokens,
      async close() {
        if (closed) return;
        closed = true;
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
