export type KeyStoreErrorCode = "invalid_provider_id" | "invalid_key_value" | "keychain_unavailable";

/**
 * A key-store failure a person can act on. The message is one line, names what to do next,
 * and never contains a key value (callers print it as is).
 */
export class KeyStoreError extends Error {
  readonly code: KeyStoreErrorCode;

  constructor(code: KeyStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KeyStoreError";
    this.code = code;
  }
}

export function isKeyStoreError(value: unknown): value is KeyStoreError {
  return value instanceof KeyStoreError;
}
