import type { UpstreamAttempt } from "./upstream-attempt.js";

/**
 * Reads the start of a response body as text, then lets the rest go. An error body only has to
 * explain itself, and a provider must not be able to make the gateway buffer without bound.
 * Returns what arrived before a failure rather than failing: the status alone still says enough.
 */
export async function readResponsePrefix(response: Response, attempt: UpstreamAttempt, limitBytes = 16 * 1024): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < limitBytes) {
      const { done, value } = await attempt.race(reader.read());
      if (done) break;
      attempt.touch();
      chunks.push(value);
      length += value.byteLength;
    }
  } catch {
    // A body cut off or aborted while we read it: keep what we have.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(concatenate(chunks, length).subarray(0, limitBytes));
}

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
