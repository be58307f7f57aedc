import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AdminSessions } from "../auth/admin-sessions.js";
import type { ClientTokenStore } from "../auth/client-tokens.js";
import { LoginTokenStore } from "../auth/login-tokens.js";
import { AuditQueries } from "../audit/audit-queries.js";
import type { SqliteDatabase } from "../audit/open-database.js";
import { recordPolicyVersion } from "../audit/policy-versions.js";
import type { GatewayConfig } from "../config/config-schema.js";
import type { Logger } from "../logging/logger.js";
import type { LocalOnlySwitch } from "../policy/local-only-switch.js";
import { policyDocument } from "../policy/policy-version.js";
import type { KeyStore } from "../secrets/key-store.js";
import type { Keychain } from "../secrets/keychain.js";
import type { AdminEventBus } from "./admin-events.js";
import { ConfigEditor } from "./config-editor.js";
import { LocalOnlyNotifier } from "./local-only-notifier.js";
import type { LivePipeline, PipelineParts } from "./live-pipeline.js";
import type { AdminDependencies } from "./routes/admin.js";
import { defaultRendererDirectory } from "./routes/ui.js";
import { TrailVerifier } from "./trail-verifier.js";

export interface AdminAssembly {
  database: SqliteDatabase;
  dataDir: string;
  tokens: ClientTokenStore;
  keyStore: KeyStore;
  /** Provider id → base URL origin at start (key-binding.ts). */
  startupKeyOrigins?: ReadonlyMap<string, string>;
  live: LivePipeline;
  events: AdminEventBus;
  localOnly: LocalOnlySwitch;
  auditKeychain: Keychain;
  keychainService: string;
  /** The config file to edit (`--config FILE`, else `<data dir>/config.yaml`). */
  configPath: string;
  build: (config: GatewayConfig) => PipelineParts;
  uiDirectory: string | undefined;
  origin: () => string;
  logger: Logger;
  clock?: () => Date;
}

/** The admin API's parts, from what start-gateway already holds. */
export function assembleAdmin(assembly: AdminAssembly): AdminDependencies {
  const clock = assembly.clock ?? (() => new Date());
  const auditLocation = { dataDir: assembly.dataDir, keychain: assembly.auditKeychain, service: assembly.keychainService };
  const localOnlyNotifier = new LocalOnlyNotifier(() => {
    const forcedByConfig = assembly.live.current().config.policy.localOnly;
    return { on: assembly.localOnly.isOn() || forcedByConfig, forcedByConfig };
  }, assembly.events);
  return {
    queries: new AuditQueries(assembly.database, clock),
    localOnly: assembly.localOnly,
    localOnlyNotifier,
    live: assembly.live,
    events: assembly.events,
    sessions: new AdminSessions({ clock }),
    loginTokens: new LoginTokenStore(assembly.database, clock),
    tokens: assembly.tokens,
    keyStore: assembly.keyStore,
    ...(assembly.startupKeyOrigins ? { startupKeyOrigins: assembly.startupKeyOrigins } : {}),
    configEditor: new ConfigEditor({
      path: assembly.configPath,
      live: assembly.live,
      build: assembly.build,
      // A record names its policy version; the text behind each version is kept for audits.
      onApplied: (parts) => recordPolicyVersion(assembly.database, parts.policyVersion, policyDocument(parts.config), clock()),
      events: assembly.events,
      logger: assembly.logger,
      keyStore: assembly.keyStore,
      ...(assembly.startupKeyOrigins ? { startupKeyOrigins: assembly.startupKeyOrigins } : {}),
    }),
    database: assembly.database,
    auditLocation,
    verifier: new TrailVerifier(auditLocation, assembly.events, clock),
    uiDirectory: assembly.uiDirectory ?? defaultRendererDirectory(),
    origin: assembly.origin,
    startedAt: clock(),
    version: packageVersion(),
  };
}

/** This package's version, from its package.json (beside `dist/` or the sources). */
function packageVersion(): string {
  const rendererDirectory = defaultRendererDirectory();
  if (rendererDirectory === undefined) return "unknown";
  try {
    return (JSON.parse(readFileSync(join(dirname(dirname(rendererDirectory)), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}
