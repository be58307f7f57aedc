/**
 * The origin (scheme://host[:port]) a key is bound to. Keys are tied to where they were set
 * for, so changing a provider's address cannot carry its key to another server.
 * `undefined` for anything that is not an http(s) URL.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
