import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A port that was free a moment ago, for a program that cannot listen on port 0 and report
 * the port it got (Portkey's command line). Another process could take it in between; on a
 * bench machine that is rare, and the start-up check then fails loudly.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
