/**
 * The OS keychain as the key store sees it: one secret per (service, account). An interface so
 * tests of the store's own rules can run without a Secret Service.
 */
export interface Keychain {
  /** The stored secret, or `undefined` when there is none. Throws when the keychain fails. */
  get(service: string, account: string, signal?: AbortSignal): Promise<string | undefined>;
  /** Throws when the keychain cannot store it (for example: no Secret Service on Linux). */
  set(service: string, account: string, value: string, signal?: AbortSignal): Promise<void>;
  /** `true` when an entry was removed, `false` when there was none. */
  delete(service: string, account: string, signal?: AbortSignal): Promise<boolean>;
}
