import { EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

const proxyVariables = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] as const;

function variable(env: NodeJS.ProcessEnv, upper: string): string | undefined {
  return env[upper.toLowerCase()] || env[upper] || undefined;
}

/**
 * The fetch the egress gate sends with. Node's built-in fetch ignores proxy variables, so on
 * a corporate network (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) calls go through undici's
 * proxy agent. A custom CA bundle comes from `NODE_EXTRA_CA_CERTS`, which Node applies to
 * every TLS connection.
 */
export function createProviderFetch(env: NodeJS.ProcessEnv = process.env): { fetch: typeof fetch; proxied: boolean } {
  if (!proxyVariables.some((name) => env[name])) return { fetch: globalThis.fetch, proxied: false };
  const agent = new EnvHttpProxyAgent({
    ...(variable(env, "HTTP_PROXY") ? { httpProxy: variable(env, "HTTP_PROXY") } : {}),
    ...(variable(env, "HTTPS_PROXY") ? { httpsProxy: variable(env, "HTTPS_PROXY") } : {}),
    ...(variable(env, "NO_PROXY") ? { noProxy: variable(env, "NO_PROXY") } : {}),
  });
  const proxiedFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent })) as unknown as typeof fetch;
  return { fetch: proxiedFetch, proxied: true };
}
