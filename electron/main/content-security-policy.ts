/**
 * The policy every page in a desktop window runs under. The UI is built to need nothing more
 * (renderer/vite.config.ts: no inline script or style, nothing from another origin), and it
 * talks only to the gateway that served it. The gateway sends a policy of its own
 * (gateway/server/middleware/security-headers.ts); a browser enforces both, so this one holds
 * even if the gateway's were loosened, and each directive here allows no more than the gateway's.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join("; ");

/**
 * Response headers with our policy added. A policy the gateway sent is kept beside ours: a
 * browser enforces every policy it receives, so adding can only make a page stricter, never
 * looser.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let existing: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === "content-security-policy") existing = [...existing, ...values];
    else result[name] = values;
  }
  result["Content-Security-Policy"] = [...existing, contentSecurityPolicy];
  return result;
}
