import type { GatewayConfig } from "../config/config-schema.js";

/** Where the client asked its request to go, before the policy has a say. */
export type ModelTarget =
  | { kind: "auto" }
  | { kind: "local" }
  | { kind: "cloud"; providerId: string; model: string };

export function providerModelIds(provider: GatewayConfig["providers"][number]): string[] {
  return provider.models.map((entry) => (typeof entry === "string" ? entry : entry.id));
}

/**
 * `auto`, `local`, `<provider>/<model>` (split at the first `/`), a bare name a provider lists,
 * or an alias from config. Undefined means the name is unknown (404 `model_not_found`).
 */
export function resolveModel(requested: string, config: Pick<GatewayConfig, "providers" | "aliases">, depth = 0): ModelTarget | undefined {
  if (requested === "auto") return { kind: "auto" };
  if (requested === "local") return { kind: "local" };
  const alias = config.aliases[requested];
  if (alias !== undefined && depth < 4) return resolveModel(alias, config, depth + 1);
  const slash = requested.indexOf("/");
  if (slash > 0) {
    const providerId = requested.slice(0, slash);
    const model = requested.slice(slash + 1);
    if (model.length > 0 && config.providers.some((provider) => provider.id === providerId)) {
      return { kind: "cloud", providerId, model };
    }
  }
  for (const provider of config.providers) {
    if (providerModelIds(provider).includes(requested)) return { kind: "cloud", providerId: provider.id, model: requested };
  }
  return undefined;
}
