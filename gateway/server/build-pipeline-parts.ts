import { GatewayError } from "../../shared/errors.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { configuredDetectors } from "../detection/configured-detectors.js";
import type { Logger } from "../logging/logger.js";
import { createEgressGate } from "../pipeline/egress-gate.js";
import { resolveRoutingTargets } from "../pipeline/plan-chat.js";
import { policyVersion } from "../policy/policy-version.js";
import { SpendLedger, type SpendEntry } from "../policy/spend-ledger.js";
import { createCloudModels } from "../providers/create-cloud-models.js";
import { keyForOrigin, keyOriginMismatchMessage } from "../secrets/key-binding.js";
import type { KeyStore } from "../secrets/key-store.js";
import type { PipelineParts } from "./live-pipeline.js";

export interface PipelineEnvironment {
  keyStore: KeyStore;
  /**
   * Provider id → origin of its base URL in the config this process started with: where
   * environment keys and bare keychain entries may go (key-binding.ts). Fixed for the process.
   */
  startupOrigins: ReadonlyMap<string, string>;
  fetch: typeof fetch;
  logger: Logger;
  /** This month's cloud spend so far, so budgets carry over a rebuild. */
  spendHistory: () => Iterable<SpendEntry>;
  clock?: () => Date;
}

/**
 * Everything the request path builds from the config: detectors (the user's terms and
 * allow-list), the egress gate (the providers' base URLs), one adapter per provider, the spend
 * ledger (prices and caps) and the policy version. Throws when routing names a model that does
 * not exist, so a bad config fails at start-up or at apply, never on a request.
 */
export function buildPipelineParts(config: GatewayConfig, environment: PipelineEnvironment): PipelineParts {
  resolveRoutingTargets(config);
  const detectors = configuredDetectors(config.detection);
  const { keyStore, logger } = environment;
  const egress = createEgressGate({
    baseUrls: new Map(config.providers.map((provider) => [provider.id, provider.baseUrl])),
    resolveKey: async (providerId, signal, origin) => {
      const found = await keyForOrigin(keyStore, environment.startupOrigins, providerId, origin, signal);
      if (found.state === "missing") return undefined;
      if (found.state === "usable") return found.key.value;
      logger.log("warn", "a provider key was not sent: it is bound to another address", { provider: providerId, reason: "provider_key_origin_mismatch" });
      throw new GatewayError("provider_key_origin_mismatch", { message: keyOriginMismatchMessage(providerId, found.source, found.boundOrigin, origin) });
    },
    detectors,
    fetch: environment.fetch,
    onBlocked: (providerId, types) => logger.log("warn", "egress gate stopped a request", { provider: providerId, findingTypes: types }),
  });
  const cloudModels = createCloudModels(config, egress);
  const clock = environment.clock ?? (() => new Date());
  return {
    config,
    policyVersion: policyVersion(config),
    detectors,
    cloudModel: (providerId) => cloudModels.get(providerId),
    egress,
    spend: new SpendLedger(config, clock, environment.spendHistory()),
  };
}
