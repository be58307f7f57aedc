import { KeyStoreError } from "./key-store-error.js";

const providerIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export function isValidProviderId(providerId: string): boolean {
  return providerIdPattern.test(providerId);
}

/**
 * Validates a provider id and returns the form used as the keychain account. Ids are compared
 * without regard to case because the environment variable name is upper-cased anyway: `OpenAI`
 * and `openai` must not end up with two different keys.
 *
 * The rejected id is deliberately left out of the message: a key pasted in the wrong place
 * would otherwise be printed back to the terminal.
 */
export function normalizeProviderId(providerId: string): string {
  if (!isValidProviderId(providerId)) {
    throw new KeyStoreError(
      "invalid_provider_id",
      "The provider id is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
    );
  }
  return providerId.toLowerCase();
}
