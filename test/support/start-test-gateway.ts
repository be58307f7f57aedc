import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { stringify } from "yaml";
import type { GatewayConfig } from "../../gateway/config/config-schema.js";
import { loadConfig } from "../../gateway/config/load-config.js";
import { createLogger, type Logger } from "../../gateway/logging/logger.js";
import type { ModelLibrary } from "../../gateway/models/model-library.js";
import type { CatalogueModel } from "../../shared/local-models.js";
import type { Keychain } from "../../gateway/secrets/keychain.js";
import { createMemoryKeychain } from "../../gateway/secrets/memory-keychain.js";
import { startGateway, type LocalTier, type RunningGateway } from "../../gateway/server/start-gateway.js";

export interface TestGateway {
  gateway: RunningGateway;
  dataDir: string;
  token: string;
  /** Everything the gateway logged. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * A real gateway on 127.0.0.1 port 0 with a throwaway data directory: a real config file, a
 * real SQLite database, a real client token. Provider keys come from the environment given.
 */
export async function startTestGateway(options: {
  config?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Gets the gateway's model library too (`always`: build the tier even with no model configured). */
  /** The local model catalogue the gateway downloads from. */
  modelCatalogue?: readonly CatalogueModel[];
  createLocalTier?: (config: GatewayConfig, logger: Logger, context: { library: ModelLibrary; always: boolean }) => LocalTier | undefined;
  /** Holds the audit signing key; a fresh in-memory one by default, so tests leave nothing in the OS keychain. */
  auditKeychain?: Keychain;
  /** Use this data directory (and leave it in place on close) instead of a throwaway one. */
  dataDir?: string;
  /** The clock of sign-in links and UI sessions. */
  clock?: () => Date;
  /** The built UI to serve. */
  uiDirectory?: string;
}): Promise<TestGateway> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "pr-gateway-"));
  writeFileSync(join(dataDir, "config.yaml"), stringify(options.config ?? {}));
  const { config } = loadConfig(dataDir);
  const logStream = new PassThrough();
  let logText = "";
  logStream.on("data", (chunk: Buffer) => (logText += chunk.toString("utf8")));
  const gateway = await startGateway({
    dataDir,
    config,
    logger: createLogger(logStream, "debug"),
    port: 0,
    env: options.env ?? {},
    createLocalTier: options.createLocalTier ?? (() => undefined),
    ...(options.modelCatalogue ? { modelCatalogue: options.modelCatalogue } : {}),
    auditKeychain: options.auditKeychain ?? createMemoryKeychain(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.uiDirectory ? { uiDirectory: options.uiDirectory } : {}),
  });
  const token = gateway.tokens.create("test-client");
  return {
    gateway,
    dataDir,
    token,
    logs: () => logText,
    async close() {
      await gateway.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
