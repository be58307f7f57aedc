/** Why `fetch` could not reach `host`, in words: it reports `fetch failed` and hides the system error in `cause`. */
export function describeNetworkFailure(error: unknown, host: string, timedOut: boolean): string {
  if (timedOut) return `${host} did not answer in time (no network, or a firewall drops the connection).`;
  const code = systemErrorCode(error);
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${host} could not be found (DNS lookup failed: is this machine offline?).`;
    case "ECONNREFUSED":
      return `${host} refused the connection.`;
    case "ENETUNREACH":
    case "EHOSTUNREACH":
      return `${host} cannot be reached from this machine (no route to the network).`;
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return `${host} did not answer in time (no network, or a firewall drops the connection).`;
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return `the connection to ${host} was cut.`;
    case "CERT_HAS_EXPIRED":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return `${host}'s certificate was not accepted (${code}); behind a corporate proxy, set NODE_EXTRA_CA_CERTS to its CA bundle.`;
    default:
      return `${host} could not be reached${code === undefined ? "" : ` (${code})`}.`;
  }
}

function systemErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}
