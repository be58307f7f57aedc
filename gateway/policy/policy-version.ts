import { createHash } from "node:crypto";
import type { GatewayConfig } from "../config/config-schema.js";

/** Bumped when the built-in rules in decide.ts change meaning, so records tell the rule sets apart. */
export const builtInRulesVersion = "builtin-1";

/** The policy version: a content hash of the built-in rules and every setting the decision reads. */
export function policyVersion(config: GatewayConfig): string {
  const material = JSON.stringify({
    rules: builtInRulesVersion,
    policy: config.policy,
    routing: config.routing,
    aliases: config.aliases,
    providers: config.providers.map((provider) => ({ id: provider.id, baseUrl: provider.baseUrl, dataPolicy: provider.dataPolicy })),
  });
  return `${builtInRulesVersion}.${createHash("sha256").update(material).digest("hex").slice(0, 12)}`;
}
