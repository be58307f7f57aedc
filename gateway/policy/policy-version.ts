import { createHash } from "node:crypto";
import type { GatewayConfig } from "../config/config-schema.js";

/** Bumped when the built-in rules in decide.ts change meaning, so records tell the rule sets apart. */
export const builtInRulesVersion = "builtin-1";

/**
 * The policy as text: the built-in rules' version and every setting the decision reads. The
 * audit trail stores this text under its version, so a record's policy can be read back.
 */
export function policyDocument(config: GatewayConfig): string {
  return JSON.stringify({
    rules: builtInRulesVersion,
    policy: config.policy,
    routing: config.routing,
    aliases: config.aliases,
    providers: config.providers.map((provider) => ({ id: provider.id, baseUrl: provider.baseUrl, dataPolicy: provider.dataPolicy })),
    // The user's terms are themselves sensitive (client names, matter numbers): the stored
    // policy text holds only their count and a hash, which still changes the version.
    detection: {
      terms: config.detection.terms.length,
      allow: config.detection.allow.length,
      digest: createHash("sha256").update(JSON.stringify(config.detection)).digest("hex"),
    },
  });
}

/** The policy version: a content hash of the policy document. */
export function policyVersion(config: GatewayConfig): string {
  return `${builtInRulesVersion}.${createHash("sha256").update(policyDocument(config)).digest("hex").slice(0, 12)}`;
}
