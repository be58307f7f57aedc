import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const gatewayAddressFileName = "gateway-address.json";

export interface GatewayAddress {
  pid: number;
  /** `http://127.0.0.1:8484`: where the running gateway listens (the port may have been chosen at start). */
  url: string;
}

/**
 * Where the running gateway listens, in the data directory, so `privacy-router login` can print a
 * sign-in URL for it without knowing which `--port` it was started with. Written after listening,
 * removed at shutdown; the pid tells a stale file (a crash) from a live one.
 */
export function writeGatewayAddress(dataDir: string, address: GatewayAddress): void {
  writeFileSync(join(dataDir, gatewayAddressFileName), `${JSON.stringify(address)}\n`, { mode: 0o600 });
}

export function removeGatewayAddress(dataDir: string, pid: number = process.pid): void {
  if (readGatewayAddress(dataDir)?.pid === pid) rmSync(join(dataDir, gatewayAddressFileName), { force: true });
}

/** The address of a gateway whose process is alive, or undefined. */
export function readGatewayAddress(dataDir: string): GatewayAddress | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, gatewayAddressFileName), "utf8"));
  } catch {
    return undefined;
  }
  const { pid, url } = (parsed ?? {}) as { pid?: unknown; url?: unknown };
  if (typeof pid !== "number" || typeof url !== "string" || !/^http:\/\/[^/?#]+$/.test(url)) return undefined;
  return isAlive(pid) ? { pid, url } : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
