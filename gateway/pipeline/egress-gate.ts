import { GatewayError } from "../../shared/errors.js";
import type { Finding } from "../../shared/findings.js";
import { detectRepeated } from "../detection/detect.js";
import type { Detector } from "../detection/detector.js";
import type { Egress, OutboundRequest } from "./egress.js";
import { egressContext } from "./egress-context.js";

export interface EgressGateOptions {
  /** Provider id → base URL, from local config only. */
  baseUrls: ReadonlyMap<string, string>;
  /**
   * Reads the provider's key when a call needs it (keychain or environment), for a call to
   * `origin`. Throws `provider_key_origin_mismatch` when the key is bound to another origin:
   * the key never goes anywhere it was not set for.
   */
  resolveKey: (providerId: string, signal: AbortSignal, origin: string) => Promise<string | undefined>;
  detectors: readonly Detector[];
  fetch?: typeof fetch;
  /** Called for every request the gate stops, with the finding types only. */
  onBlocked?: (providerId: string, types: string[]) => void;
}

/**
 * The one door to the network for prompt data. It sends only to a configured provider's own
 * base URL, re-scans the exact outbound bytes (the raw JSON and every decoded string in it, so
 * escapes cannot hide a value) and refuses anything a detector still flags, then adds the key.
 */
export function createEgressGate(options: EgressGateOptions): Egress {
  const send = options.fetch ?? globalThis.fetch;
  return {
    async send(request: OutboundRequest): Promise<Response> {
      const baseUrl = options.baseUrls.get(request.providerId);
      if (baseUrl === undefined || !isUnderBaseUrl(request.url, baseUrl)) {
        throw new GatewayError("policy_blocked", { message: "The egress gate refused a destination that is not the configured provider's base URL." });
      }
      const context = egressContext.getStore();
      const allowed = context?.allowedTypes ?? new Set();
      const flagged = rescan(request.body, options.detectors, context?.cleanTexts).filter((finding) => !allowed.has(finding.type));
      if (flagged.length > 0) {
        const types = [...new Set(flagged.map((finding) => finding.type))];
        options.onBlocked?.(request.providerId, types);
        throw new GatewayError("policy_blocked", {
          message: `The egress gate stopped the request: the outbound body still contained ${types.join(", ")} content.`,
        });
      }
      const key = await options.resolveKey(request.providerId, request.signal, new URL(request.url).origin);
      if (key === undefined) {
        throw new GatewayError("provider_key_missing", {
          message: `No API key is set for provider \`${request.providerId}\`. Run \`privacy-router keys set ${request.providerId}\` or set PRIVACY_ROUTER_KEY_${request.providerId.toUpperCase().replace(/[^A-Z0-9]/g, "_")}.`,
        });
      }
      context?.onOutboundBody?.(request.providerId, request.body);
      const response = await send(request.url, {
        method: request.method,
        headers: { ...request.headers, ...(request.credentialHeader === "x-api-key" ? { "x-api-key": key } : { authorization: `Bearer ${key}` }) },
        body: request.method === "GET" ? undefined : request.body,
        signal: request.signal,
        redirect: "error",
      });
      return response.ok ? response : withoutKey(response, key);
    },
  };
}

/**
 * A provider's error text goes back to the client: some servers quote the key they were sent
 * ("Invalid API key: …"). The exact key is cut out before anyone reads it.
 */
async function withoutKey(response: Response, key: string): Promise<Response> {
  const text = await response.text();
  if (!text.includes(key)) return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  return new Response(text.split(key).join("[REDACTED]"), { status: response.status, statusText: response.statusText, headers: response.headers });
}

function isUnderBaseUrl(url: string, baseUrl: string): boolean {
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    const basePath = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
    return target.origin === base.origin && (target.pathname + "/").startsWith(basePath) && target.username === "" && target.password === "";
  } catch {
    return false;
  }
}

/**
 * Every string in the body, as the provider will read it (JSON escapes decoded, object keys
 * included), is scanned unless this request's classification already found it clean. A body
 * that is not JSON cannot be checked, so it counts as flagged.
 */
function rescan(body: string, detectors: readonly Detector[], cleanTexts: ReadonlySet<string> | undefined): Finding[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [{ start: 0, end: body.length, type: "UNSCANNABLE_CONTENT", score: 1, detector: "egress-gate" }];
  }
  const strings: string[] = [];
  collectStrings(parsed, strings);
  const findings: Finding[] = [];
  for (const text of strings) {
    if (text.length < 3 || cleanTexts?.has(text)) continue;
    // Keys and model names repeat on every request; a clean one is not scanned again.
    findings.push(...detectRepeated(text, detectors));
  }
  return findings;
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      collectStrings(item, into);
    }
  }
}
