import type { Keychain } from "./keychain.js";

/**
 * A keychain in memory, for tests of code that needs keys but not the OS keychain itself.
 * `failWith` makes every call throw, as a machine without a Secret Service does.
 */
export function createMemoryKeychain(options: { failWith?: string } = {}): Keychain & { size(): number } {
  const entries = new Map<string, string>();
  const entryName = (service: string, account: string): string => JSON.stringify([service, account]);
  const failIfAsked = (): void => {
    if (options.failWith !== undefined) throw new Error(options.failWith);
  };
  return {
    async get(service, account) {
      failIfAsked();
      return entries.get(entryName(service, account));
    },
    async set(service, account, value) {
      failIfAsked();
      entries.set(entryName(service, account), value);
    },
    async delete(service, account) {
      failIfAsked();
      return entries.delete(entryName(service, account));
    },
    size() {
      return entries.size;
    },
  };
}
