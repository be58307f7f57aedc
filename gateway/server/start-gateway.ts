import { join } from "node:path";
import { ClientTokenStore } from "../auth/client-tokens.js";
import { AuditQueries } from "../audit/audit-queries.js";
import { AuditTrail, type AuditTrailDescription } from "../audit/audit-trail.js";
import { purgeExpiredContent } from "../audit/content-retention.js";
import { databaseFileName, openDatabase } from "../audit/open-database.js";
import { recordPolicyVersion } from "../audit/policy-versions.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { acquireDataDirLock } from "../config/data-dir-lock.js";
import { configuredDetectors } from "../detection/configured-detectors.js";
import type { Logger } from "../logging/logger.js";
import { createEgressGate } from "../pipeline/egress-gate.js";
import { estimateDifficulty } from "../policy/difficulty/estimate-difficulty.js";
import { LocalOnlySwitch } from "../policy/local-only-switch.js";
import { resolveRoutingTargets } from "../pipeline/plan-chat.js";
import { policyDocument, policyVersion as computePolicyVersion } from "../policy/policy-version.js";
import { SpendLedger } from "../policy/spend-ledger.js";
import { loadSpendHistory } from "../policy/spend-history.js";
import type { ChatModel, EmbeddingModel } from "../providers/chat-model.js";
import { createCloudModels } from "../providers/create-cloud-models.js";
import { createProviderFetch } from "../providers/provider-fetch.js";
import { createKeyStore, defaultKeychainService, keychainServiceVariable, type KeyStore } from "../secrets/key-store.js";
import type { Keychain } from "../secrets/keychain.js";
import { createOsKeychain } from "../secrets/os-keychain.js";
import { loadPseudonymSecret } from "../pseudonym/conversation-key.js";
import { warmEntityLexicons } from "../detection/entities/warm-lexicons.js";
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
  /** Where the audit signing key and the keychain anchor live; the OS keychain by default. */
  auditKeychain?: Keychain;
}

export interface RunningGateway {
  url: string;
  port: number;
  host: string;
  policyVersion: string;
  tokens: ClientTokenStore;
  /** The audit trail's chain, record count and where its signing key is kept. */
  audit(): AuditTrailDescription;
  close(): Promise<void>;
}

/** How often kept text past its retention window is deleted. */
const contentPurgeIntervalMs = 60 * 60 * 1000;

/** Host names that mean this machine's loopback interface. */
export const loopbackHosts: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "::1"]);

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
    const env = options.env ?? process.env;
    const audit = await AuditTrail.open({
      database,
      dataDir: options.dataDir,
      keychain: options.auditKeychain ?? createOsKeychain(),
      service: env[keychainServiceVariable] || defaultKeychainService,
      logger,
      logging: config.logging,
    });
    cleanups.push(() => audit.close());
    const keyStore = options.keyStore ?? createKeyStore(options.env ? { env: options.env } : {});
    const policyVersion = computePolicyVersion(config);
    const detectors = configuredDetectors(config.detection);
    // Build the word lists now, not during the first request.
    warmEntityLexicons();
    recordPolicyVersion(database, policyVersion, policyDocument(config), new Date());
    const purge = (): void => {
      try {
        const purged = purgeExpiredContent(database, new Date());
        if (purged > 0) logger.log("info", "kept request text past its retention window was deleted", { state: String(purged) });
        // Keeps the query planner's statistics current as the trail grows (cheap when nothing changed).
        database.pragma("optimize");
      } catch (error) {
        logger.log("error", "kept request text could not be purged", { reason: (error as NodeJS.ErrnoException).code ?? "unknown" });
      }
    };
    purge();
    const purgeTimer = setInterval(purge, contentPurgeIntervalMs);
    purgeTimer.unref();
    cleanups.push(() => clearInterval(purgeTimer));
    // Fail at start-up, not on the first request, when routing names a model that does not exist.
    resolveRoutingTargets(config);
    const spend = new SpendLedger(config, () => new Date(), loadSpendHistory(database, new Date()));
    const localOnlySwitch = new LocalOnlySwitch(options.dataDir);

    const egress = createEgressGate({
      baseUrls: new Map(config.providers.map((provider) => [provider.id, provider.baseUrl])),
      resolveKey: async (providerId, signal) => (await keyStore.resolve(providerId, signal))?.value,
      detectors,
      fetch: options.fetch ?? createProviderFetch(options.env ?? process.env).fetch,
      onBlocked: (providerId, types) => logger.log("warn", "egress gate stopped a request", { provider: providerId, findingTypes: types }),
    });
    const cloudModels = createCloudModels(config, egress);
    for (const provider of config.providers) {
      if (provider.kind === "anthropic") logger.log("warn", "Anthropic providers are not supported yet; requests for it are refused", { provider: provider.id });
    }

    const localTier = options.createLocalTier(config, logger);
    if (localTier) cleanups.push(() => localTier.dispose());

    let boundPort = requestedPort;
    const app = createGatewayApp({
      config,
      policyVersion,
      detectors,
      localModel: localTier?.chat,
      cloudModel: (providerId) => cloudModels.get(providerId),
      embeddingModel: localTier?.embedding,
      estimateDifficulty: (text) => {
        const estimate = estimateDifficulty(text);
        return { score: estimate.score, implausiblyEasy: estimate.implausiblyEasy };
      },
      localOnly: () => localOnlySwitch.isOn(),
      budgets: spend,
      pseudonymSecret: loadPseudonymSecret(options.dataDir),
      admin: { queries: new AuditQueries(database), localOnly: localOnlySwitch, localOnlyForcedByConfig: config.policy.localOnly },
      spend,
      tokens,
      audit,
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
      audit: () => audit.describe(),
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
