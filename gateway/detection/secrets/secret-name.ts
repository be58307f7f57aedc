import {
  hintWords,
  keyEndings,
  nonSecretLeaders,
  nonSecretQualifiers,
  passwordEndings,
  passwordWords,
  secretKeyQualifiers,
  tokenWords,
} from "./secret-name-words.js";
import { vendorNames } from "./vendor-names.js";

const vendorSet = new Set(vendorNames);
const vendorInside = new RegExp(vendorNames.join("|"));

/**
 * How strongly a name announces a secret. `password`: any chosen value counts. `token`: a
 * machine-made value counts. `hint`: only a long random value counts (`login`, a bare `key`, a
 * vendor's name).
 */
export type SecretNameKind = "password" | "token" | "hint";

export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((segment) => segment.length > 0);
}

function segmentKind(segment: string, previous: string | undefined): SecretNameKind | undefined {
  if (passwordWords.has(segment)) return "password";
  if (passwordEndings.some((ending) => segment.length > ending.length && segment.endsWith(ending))) return "password";
  if (tokenWords.has(segment)) return "token";
  if (segment.length > 5 && segment.endsWith("token")) return "token";
  if (keyEndings.some((ending) => segment.endsWith(ending))) return "token";
  if (segment === "key") return previous !== undefined && secretKeyQualifiers.has(previous) ? "token" : "hint";
  if (hintWords.has(segment)) return "hint";
  return undefined;
}

/**
 * Classifies a variable, key, header or flag name. The last credential word decides; a
 * qualifier after it (`_url`, `_id`) or a leader right before it (`csrf_`, `public_`) cancels it.
 */
export function classifySecretName(name: string): SecretNameKind | undefined {
  const segments = nameSegments(name);
  let kind: SecretNameKind | undefined;
  let position = -1;
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index] ?? "";
    const found = segmentKind(segment, segments[index - 1]);
    if (found) {
      kind = found;
      position = index;
      break;
    }
  }
  if (kind) {
    const leader = segments[position - 1];
    if (leader !== undefined && nonSecretLeaders.has(leader)) return undefined;
    if (segments.slice(position + 1).some((segment) => nonSecretQualifiers.has(segment))) return undefined;
    if (kind === "hint" && segments[position] === "key" && segments.slice(0, position).some(isVendorSegment)) return "token";
    return kind;
  }
  const vendorIndex = segments.findIndex(isVendorSegment);
  if (vendorIndex < 0 && !vendorInside.test(segments.join(""))) return undefined;
  if (segments.slice(Math.max(vendorIndex, 0) + 1).some((segment) => nonSecretQualifiers.has(segment))) return undefined;
  return "hint";
}

function isVendorSegment(segment: string): boolean {
  return vendorSet.has(segment);
}
