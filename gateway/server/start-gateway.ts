import { join } from "node:path";
import { ClientTokenStore } from "../auth/client-tokens.js";
import { AuditTrail, type AuditTrailDescription } from "../audit/audit-trail.js";
import { purgeExpiredContent } from "../audit/content-retention.js";
import { databaseFileName, openDatabase } from "../audit/open-database.js";
import { recordPolicyVersion } from "../audit/policy-versions.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { acquireDataDirLock } from "../config/data-dir-lock.js";
import type { Logger } from "../logging/logger.js";
import { estimateDifficulty } from "../policy/difficulty/estimate-difficulty.js";
import { LocalOnlySwitch } from "../policy/local-only-switch.js";
import { policyDocument } from "../policy/policy-version.js";
import { loadSpendHistory } from "../policy/spend-history.js";
import type { ChatModel, EmbeddingModel } from "../providers/chat-model.js";
import { createProviderFetch } from "../providers/provider-fetch.js";
import { createKeyStore, defaultKeychainService, keychainServiceVariable, type KeyStore } from "../secrets/key-store.js";
import type { Keychain } from "../secrets/keychain.js";
import { bindBareKeys, startupKeyOrigins } from "../secrets/startup-key-origins.js";
import { createOsKeychain } from "../secrets/os-keychain.js";
import { loadPseudonymSecret } from "../pseudonym/conversation-key.js";
import { warmEntityLexicons } from "../detection/entities/warm-lexicons.js";
import type { Hono } from "hono";
import { AdminEventBus } from "./admin-events.js";
import { createGatewayApp } from "./app.js";
import type { GatewayEnv } from "./gateway-env.js";
import { assembleAdmin } from "./assemble-admin.js";
import { buildPipelineParts } from "./build-pipeline-parts.js";
import { removeGatewayAddress, writeGatewayAddress } from "./gateway-address-file.js";
import { LivePipeline } from "./live-pipeline.js";
import { ModelLibrary } from "../models/model-library.js";
import type { LocalModelControl } from "../models/local-model-control.js";
import { publishModelEvents } from "./model-events.js";
import type { CatalogueModel } from "../../shared/local-models.js";
import { listen } from "./listen.js";

export interface LocalTier {
  chat: ChatModel;
  embedding: EmbeddingModel;
  /** State and live switching for the admin API; without it the tier counts as always available. */
  control?: LocalModelControl;
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
  createLocalTier: (config: GatewayConfig, logger: Logger, context: { library: ModelLibrary; always: boolean }) => LocalTier | undefined;
  fetch?: typeof fetch;
  /** The local model catalogue; the built-in one by default (tests point it at a local server). */
  modelCatalogue?: readonly CatalogueModel[];
  /** Where the audit signing key and the keychain anchor live; the OS keychain by default. */
  auditKeychain?: Keychain;
  /** The config file the admin API edits: `--config FILE`, else `<data dir>/config.yaml`. */
  configPath?: string;
  /** The built UI; `dist/renderer` of this package by default. */
  uiDirectory?: string;
  /** The clock of sign-in links and UI sessions (tests move it). */
  clock?: () => Date;
}

export interface RunningGateway {
  url: string;
  port: number;
  host: string;
  /** The policy version in use now (a config saved from the UI changes it). */
  readonly policyVersion: string;
  tokens: ClientTokenStore;
  /** The audit trail's chain, record count and where its signing key is kept. */
  audit(): AuditTrailDescription;
  /** A fresh one-time UI sign-in URL (valid 5 minutes, works once). */
  loginUrl(): string;
  /** The admin event bus: the model manager and the desktop shell publish here. */
  events: AdminEventBus;
  /** The swappable pipeline parts (config, policy version, providers). */
  live: LivePipeline;
  /** The app itself, for in-process requests (`app.request()`), e.g. with headers a socket client cannot forge. */
  app: Hono<GatewayEnv>;
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
    const auditKeychain = options.auditKeychain ?? createOsKeychain();
    const keychainService = env[keychainServiceVariable] || defaultKeychainService;
    const audit = await AuditTrail.open({
      database,
      dataDir: options.dataDir,
      keychain: auditKeychain,
      service: keychainService,
      logger,
      logging: config.logging,
    });
    cleanups.push(() => audit.close());
    const keyStore = options.keyStore ?? createKeyStore(options.env ? { env: options.env } : {});
    // Environment keys and bare keychain entries go only to the addresses configured now; a
    // later edit through the admin API cannot carry them elsewhere (key-binding.ts).
    const startupOrigins = startupKeyOrigins(config.providers);
    const boundAtStart = await bindBareKeys(keyStore, startupOrigins, AbortSignal.timeout(15_000));
    if (boundAtStart.length > 0) logger.log("info", "stored provider keys were bound to their providers' addresses", { provider: boundAtStart.join(",") });
    // Detectors, egress gate, provider adapters, spend ledger and policy version: rebuilt as a
    // whole when the config changes. Fails at start-up, not on the first request, when routing
    // names a model that does not exist.
    const buildParts = (next: GatewayConfig) =>
      buildPipelineParts(next, { keyStore, startupOrigins, fetch: options.fetch ?? createProviderFetch(env).fetch, logger, spendHistory: () => loadSpendHistory(database, new Date()) });
    const live = new LivePipeline(buildParts(config));
    const events = new AdminEventBus();
    const { policyVersion, detectors, spend } = live.current();
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
    const localOnlySwitch = new LocalOnlySwitch(options.dataDir);

    // Downloads happen only when asked (CLI, admin API), through the same proxy settings as providers.
    const modelLibrary = new ModelLibrary({
      dataDir: options.dataDir,
      fetch: options.fetch ?? createProviderFetch(env).fetch,
      ...(options.modelCatalogue ? { catalogue: options.modelCatalogue } : {}),
    });
    cleanups.push(() => modelLibrary.cancelAll());
    const localTier = options.createLocalTier(config, logger, { library: modelLibrary, always: true });
    if (localTier) cleanups.push(() => localTier.dispose());
    cleanups.push(publishModelEvents(events, localTier?.control, modelLibrary));

    let boundPort = requestedPort;
    const urlHost = host.includes(":") ? `[${host}]` : host;
    const origin = (): string => `http://${urlHost}:${boundPort}`;
    const admin = assembleAdmin({
      database,
      dataDir: options.dataDir,
      tokens,
      keyStore,
      startupKeyOrigins: startupOrigins,
      live,
      events,
      localOnly: localOnlySwitch,
      auditKeychain,
      keychainService,
      configPath: options.configPath ?? join(options.dataDir, "config.yaml"),
      build: buildParts,
      uiDirectory: options.uiDirectory,
      origin,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    // The CLI and the desktop tray flip the switch from outside: the UI hears of it all the same.
    cleanups.push(admin.localOnlyNotifier.watch());
    // A verification still running (a worker thread, seconds of CPU) must not outlive the gateway.
    cleanups.push(() => admin.verifier.dispose());
    const app = createGatewayApp({
      config,
      policyVersion,
      detectors,
      // Read per request: a model downloaded or switched to while running counts at once.
      get localModel() {
        return localTier && (localTier.control?.available ?? true) ? localTier.chat : undefined;
      },
      cloudModel: live.current().cloudModel,
      get embeddingModel() {
        return localTier && (localTier.control?.available ?? true) ? localTier.embedding : undefined;
      },
      adminModels: { library: modelLibrary, control: localTier?.control, configEditor: admin.configEditor },
      estimateDifficulty: (text) => {
        const estimate = estimateDifficulty(text);
        return { score: estimate.score, implausiblyEasy: estimate.implausiblyEasy };
      },
      localOnly: () => localOnlySwitch.isOn(),
      budgets: spend,
      pseudonymSecret: loadPseudonymSecret(options.dataDir),
      admin,
      live,
      events,
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
    writeGatewayAddress(options.dataDir, { pid: process.pid, url: origin() });
    cleanups.push(() => removeGatewayAddress(options.dataDir));
    let closed = false;
    return {
      url: origin(),
      port: server.port,
      host,
      get policyVersion() {
        return live.current().policyVersion;
      },
      tokens,
      audit: () => audit.describe(),
      loginUrl: () => `${origin()}/login?token=${admin.loginTokens.create()}`,
      events,
      live,
      app,
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
