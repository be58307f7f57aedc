import { isPlaceholderValue } from "./placeholder-value.js";

const base64 = /^[A-Za-z0-9+/]{6,}={0,2}$/;

/**
 * A `user:password` pair in base64, as HTTP Basic authentication and Docker's `auth` field
 * carry it. Anything that does not decode to such a pair (a word, binary) is not one.
 */
export function isBasicCredential(value: string): boolean {
  if (!base64.test(value)) return false;
  const decoded = Buffer.from(value, "base64").toString("latin1");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  return !isPlaceholderValue(decoded.slice(colon + 1));
}
