import type { ServerResponse } from "node:http";

/**
 * Writes the UTF-8 bytes of `text` in pieces of 1..maxBytes, yielding between writes so they
 * reach the socket separately. False when the client went away first.
 */
export async function writeInPieces(
  response: ServerResponse,
  text: string,
  random: () => number,
  maxBytes: number,
  delayMs: number | undefined,
): Promise<boolean> {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    if (response.destroyed) return false;
    const size = 1 + Math.floor(random() * maxBytes);
    const piece = bytes.subarray(offset, offset + size);
    offset += piece.length;
    if (!response.write(piece)) await new Promise((resolve) => response.once("drain", resolve).once("close", resolve));
    // No pause after the last piece: what follows the body (its end) goes out with it.
    if (offset < bytes.length && !(await waitUnlessClosed(delayMs ?? 0, response))) return false;
  }
  return !response.destroyed;
}

/** Waits, but stops early when the connection closes; false in that case. */
export function waitUnlessClosed(milliseconds: number, response: ServerResponse): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  // A timer of 0 still costs a millisecond; yielding once is enough to separate two writes.
  if (milliseconds <= 0) return new Promise((resolve) => setImmediate(() => resolve(!response.destroyed)));
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off("close", onClose);
      resolve(!response.destroyed);
    }, milliseconds);
    response.once("close", onClose);
  });
}
