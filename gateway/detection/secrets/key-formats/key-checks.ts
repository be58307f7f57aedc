import { shannonEntropy } from "../shannon-entropy.js";

/** Small checks that keep a format's pattern from matching words and code of the same shape. */
export function hasDigitAndLetter(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value);
}

export function hasMixedCase(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** A randomly generated body: digits and letters, spread out. */
export function looksGenerated(value: string): boolean {
  return hasDigitAndLetter(value) && shannonEntropy(value) >= 3.5;
}

function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
}

/** Discord bot tokens start with the bot's numeric user id, base64-encoded. */
export function startsWithEncodedNumber(value: string): boolean {
  const first = value.split(".")[0] ?? "";
  return /^\d{15,21}$/.test(decodeBase64(first));
}

/** Grafana API keys are base64 JSON with a key, a name and an id. */
export function isGrafanaKeyJson(value: string): boolean {
  const decoded = decodeBase64(value);
  return decoded.includes('"k"') && decoded.includes('"n"') && decoded.includes('"id"');
}
