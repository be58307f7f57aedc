import { KeyStoreError } from "./key-store-error.js";

/** Generous for any provider's API key, small enough to catch a whole file piped in by mistake. */
export const maximumKeyLength = 16_384;

// Control characters include line breaks: a key with one would be cut short or refused when it
// becomes an Authorization header, long after `keys set` said everything was fine.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** Refuses values that cannot be a working API key. Messages never quote the value. */
export function validateKeyValue(value: string): void {
  if (value.trim() === "") {
    throw new KeyStoreError("invalid_key_value", "The key is empty; nothing was stored.");
  }
  if (value.length > maximumKeyLength) {
    throw new KeyStoreError(
      "invalid_key_value",
      `The key is longer than ${maximumKeyLength} characters; nothing was stored (was a whole file given?).`,
    );
  }
  if (controlCharacter.test(value)) {
    throw new KeyStoreError(
      "invalid_key_value",
      "The key contains a line break or another control character; nothing was stored (give the key alone, on one line).",
    );
  }
  if (value !== value.trim()) {
    throw new KeyStoreError(
      "invalid_key_value",
      "The key starts or ends with a space; nothing was stored (copy the key alone).",
    );
  }
}
