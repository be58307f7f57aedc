import { originOf } from "../secrets/key-origin.js";
import type { GatewayConfig } from "./config-schema.js";

export interface ProviderAddressChange {
  providerId: string;
  /** Origins only (scheme://host:port): a path or query may hold something private. */
  from: string;
  to: string;
}

/** Providers present in both configs whose base URL moved to another origin. */
export function providerAddressChanges(previous: GatewayConfig, next: GatewayConfig): ProviderAddressChange[] {
  const before = new Map(previous.providers.map((provider) => [provider.id, originOf(provider.baseUrl) ?? "invalid"]));
  const changes: ProviderAddressChange[] = [];
  for (const provider of next.providers) {
    const from = before.get(provider.id);
    const to = originOf(provider.baseUrl) ?? "invalid";
    if (from !== undefined && from !== to) changes.push({ providerId: provider.id, from, to });
  }
  return changes;
}
