import { normalizeProviderId } from "./provider-id.js";

export const keyEnvironmentVariablePrefix = "PRIVACY_ROUTER_KEY_";

/**
 * `PRIVACY_ROUTER_KEY_<ID>`: the provider id upper-cased, every other character as `_`
 * (a user-visible contract). `my-llm` and `my_llm` share a variable; that is accepted so the
 * name stays predictable without a lookup table.
 */
export function keyEnvironmentVariable(providerId: string): string {
  const normalized = normalizeProviderId(providerId);
  return `${keyEnvironmentVariablePrefix}${normalized.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
