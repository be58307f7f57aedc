/** The origin (scheme, host, port) of a URL, or undefined when it has none or does not parse. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === "null" ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

/** True only when `url` is on exactly the gateway's origin; false while no gateway is serving. */
export function isGatewayUrl(url: string, gatewayOrigin: string | undefined): boolean {
  return gatewayOrigin !== undefined && originOf(url) === gatewayOrigin;
}

/**
 * A link the user may open in the OS browser: plain http(s) to somewhere other than the
 * gateway, with no credentials in it. Everything else (file:, javascript:, custom schemes that
 * start other programs, the gateway itself) is refused.
 */
export function isSafeExternalUrl(url: string, gatewayOrigin: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  if (parsed.username !== "" || parsed.password !== "") return false;
  if (parsed.hostname === "") return false;
  return !isGatewayUrl(url, gatewayOrigin);
}
