import { GatewayError } from "../../shared/errors.js";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maximumRedirects = 10;

/**
 * Model files come over HTTPS; plain HTTP only from this machine (the tests' model server).
 * After HTTPS, a redirect to plain HTTP is refused even to loopback: a downgrade is never fine.
 */
export function checkDownloadUrl(url: string, previous?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, previous);
  } catch {
    throw new GatewayError("model_download_failed", { message: "The model's download URL is not a valid URL; check the catalogue entry." });
  }
  const loopbackHttp = parsed.protocol === "http:" && loopbackHosts.has(parsed.hostname);
  if (parsed.protocol !== "https:" && !loopbackHttp) {
    throw new GatewayError("model_download_failed", {
      message: `${previous ? `${previous.host} redirected the download to` : "The download URL is"} ${parsed.protocol}//${parsed.host}, which is not HTTPS; it was refused. Models are only downloaded over HTTPS.`,
    });
  }
  if (previous?.protocol === "https:" && parsed.protocol !== "https:") {
    throw new GatewayError("model_download_failed", {
      message: `${previous.host} redirected the download from HTTPS to plain HTTP (${parsed.host}); it was refused.`,
    });
  }
  return parsed;
}

/** `fetch` that follows redirects itself, checking every hop against `checkDownloadUrl`. */
export async function fetchWithCheckedRedirects(fetchImplementation: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  let current = checkDownloadUrl(url);
  for (let hop = 0; hop <= maximumRedirects; hop++) {
    const response = await fetchImplementation(current.href, { ...init, redirect: "manual" });
    const location = response.headers.get("location");
    if (!redirectStatuses.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    current = checkDownloadUrl(location, current);
  }
  throw new GatewayError("model_download_failed", { message: `The download was redirected more than ${maximumRedirects} times; it was stopped. Try again later.` });
}
