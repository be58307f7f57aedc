import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, statfs, type FileHandle } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import { DownloadRate } from "./download-rate.js";
import { checkDownloadUrl, fetchWithCheckedRedirects } from "./download-url-policy.js";
import { describeNetworkFailure } from "./network-failure.js";

export interface DownloadProgressReport {
  receivedBytes: number;
  totalBytes: number | null;
  bytesPerSecond: number;
  resumedFromBytes: number;
}

export interface DownloadModelOptions {
  url: string;
  /** Final path; bytes arrive in `<destination>.part` first, which survives an interruption. */
  destination: string;
  /** Lower-case hex; `null` computes the hash instead of checking it. */
  expectedSha256: string | null;
  /** The catalogue's size, for the disk-space check before the server has answered. */
  expectedBytes?: number;
  fetch?: typeof fetch;
  /** Injected by tests to pretend a disk is full. */
  statfs?: (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgressReport) => void;
  /** Runs on the complete, hash-checked `.part` file before it takes its final name; a throw deletes it. */
  accept?: (partPath: string, signal: AbortSignal) => Promise<void>;
  /** Longest wait for the server's response headers (DNS and connect included). */
  connectTimeoutMs?: number;
  /** Longest silence between two reads of the body. */
  stallTimeoutMs?: number;
  now?: () => number;
}

export interface DownloadedModel {
  path: string;
  sha256: string;
  sizeBytes: number;
  /** True when `expectedSha256` was given and matched. */
  verified: boolean;
}

/** Room left beyond the file itself, so a download never fills the disk to the last byte. */
const diskHeadroomBytes = 256 * 1024 * 1024;
const progressIntervalMs = 250;

/**
 * Downloads a model file with `fetch` (the caller passes the proxy-aware one the providers use):
 * resumes an earlier `.part` with a `Range` request, hashes while streaming (the kept part is
 * hashed first, so a resumed file is checked whole), checks free disk space before it starts,
 * and deletes the file when its hash is not the expected one. Network trouble (no DNS, refused
 * connection, no answer within the connect timeout, a stalled body) ends in a GatewayError whose
 * message says what happened and that a second pull resumes; the `.part` file stays for that.
 */
export async function downloadModel(options: DownloadModelOptions): Promise<DownloadedModel> {
  // Refused before anything touches the disk or the network.
  checkDownloadUrl(options.url);
  await mkdir(dirname(options.destination), { recursive: true });
  const release = await lockDownload(`${options.destination}.part.lock`);
  try {
    return await downloadOnce(options);
  } finally {
    await release();
  }
}

async function downloadOnce(options: DownloadModelOptions): Promise<DownloadedModel> {
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => performance.now());
  const partPath = `${options.destination}.part`;
  const host = safeHost(options.url);
  const callerSignal = options.signal ?? new AbortController().signal;
  callerSignal.throwIfAborted();

  let keptBytes = await sizeOrZero(partPath);
  await ensureFreeSpace(dirname(options.destination), (options.expectedBytes ?? 0) - keptBytes, options.statfs);

  const connect = new AbortController();
  const connectTimer = setTimeout(() => connect.abort(new Error("connect timeout")), options.connectTimeoutMs ?? 30_000);
  const requestSignal = AbortSignal.any([callerSignal, connect.signal]);
  let response: Response;
  try {
    response = await fetchWithCheckedRedirects(fetchImplementation, options.url, {
      headers: keptBytes > 0 ? { range: `bytes=${keptBytes}-`, "accept-encoding": "identity" } : { "accept-encoding": "identity" },
      signal: requestSignal,
    });
  } catch (error) {
    callerSignal.throwIfAborted();
    if (isGatewayError(error)) throw error;
    throw new GatewayError("model_download_failed", {
      message: `${describeNetworkFailure(error, host, connect.signal.aborted)} Check the network connection (and HTTPS_PROXY on a corporate network), then pull again.`,
      cause: error,
    });
  } finally {
    clearTimeout(connectTimer);
  }

  let totalBytes: number | null;
  if (response.status === 206 && keptBytes > 0) {
    const range = parseContentRange(response.headers.get("content-range"));
    if (range === undefined || range.start !== keptBytes) {
      // The server resumed somewhere else: start over rather than stitch mismatched pieces.
      await response.body?.cancel().catch(() => undefined);
      await rm(partPath, { force: true });
      return downloadOnce({ ...options, signal: callerSignal });
    }
    totalBytes = range.total;
  } else if (response.status === 416 && keptBytes > 0) {
    await response.body?.cancel().catch(() => undefined);
    const range = parseContentRange(response.headers.get("content-range"));
    if (range?.total !== keptBytes) {
      await rm(partPath, { force: true });
      return downloadOnce({ ...options, signal: callerSignal });
    }
    // Everything already arrived last time; only the checks are left.
    totalBytes = keptBytes;
  } else if (response.status === 200) {
    // No range support, or nothing kept: the whole file comes again.
    keptBytes = 0;
    const length = Number(response.headers.get("content-length"));
    totalBytes = Number.isSafeInteger(length) && length > 0 ? length : null;
  } else {
    await response.body?.cancel().catch(() => undefined);
    throw new GatewayError("model_download_failed", {
      message: `The model could not be downloaded: ${host} answered HTTP ${response.status}.${response.status === 404 ? " The catalogue's URL may be out of date." : " Try again later."}`,
      upstreamStatus: response.status,
    });
  }
  if (totalBytes !== null) await ensureFreeSpace(dirname(options.destination), totalBytes - keptBytes, options.statfs);

  const hash = createHash("sha256");
  if (keptBytes > 0) await hashFile(partPath, hash, keptBytes, callerSignal);
  const rate = new DownloadRate(now);
  let received = keptBytes;
  let lastReport = -Infinity;
  const report = (force: boolean): void => {
    const at = now();
    if (!force && at - lastReport < progressIntervalMs) return;
    lastReport = at;
    options.onProgress?.({ receivedBytes: received, totalBytes, bytesPerSecond: rate.bytesPerSecond(), resumedFromBytes: keptBytes });
  };
  report(true);

  if (response.status !== 416) {
    const file = await open(partPath, keptBytes > 0 ? "a" : "w", 0o600);
    try {
      await streamBody(response, file, callerSignal, options.stallTimeoutMs ?? 60_000, (chunk) => {
        hash.update(chunk);
        received += chunk.byteLength;
        rate.add(chunk.byteLength);
        report(false);
      });
      await file.sync();
    } catch (error) {
      callerSignal.throwIfAborted();
      if (isGatewayError(error)) throw error;
      throw new GatewayError("model_download_failed", {
        message: `The download from ${host} was interrupted after ${formatMegabytes(received)} (${describeNetworkFailure(error, host, false)}) Pull again to resume where it stopped.`,
        cause: error,
      });
    } finally {
      await file.close();
    }
  }
  report(true);

  if (totalBytes !== null && received !== totalBytes) {
    throw new GatewayError("model_download_failed", {
      message: `The download from ${host} ended after ${formatMegabytes(received)} of ${formatMegabytes(totalBytes)}. Pull again to resume where it stopped.`,
    });
  }
  const sha256 = hash.digest("hex");
  if (options.expectedSha256 !== null && sha256 !== options.expectedSha256.toLowerCase()) {
    await rm(partPath, { force: true });
    throw new GatewayError("model_verification_failed", {
      message: `The downloaded file ${basename(options.destination)} is not the expected one: its SHA-256 is ${sha256}, the catalogue lists ${options.expectedSha256}. It was deleted; pull again, and if this repeats the file on the server has changed.`,
    });
  }
  if (options.accept) {
    try {
      await options.accept(partPath, callerSignal);
    } catch (error) {
      callerSignal.throwIfAborted();
      await rm(partPath, { force: true });
      throw error;
    }
  }
  await rename(partPath, options.destination);
  return { path: options.destination, sha256, sizeBytes: received, verified: options.expectedSha256 !== null };
}

/**
 * One writer per `.part` file, across processes too (`models pull` while the gateway downloads
 * the same model): a lock file holding the owner's pid; a lock left by a dead process is taken over.
 */
async function lockDownload(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(await readFile(lockPath, "utf8").catch(() => ""));
      if (Number.isSafeInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new GatewayError("model_download_in_progress", {
          message: `This model is already being downloaded${owner === process.pid ? "" : ` by another Privacy Router process (pid ${owner})`}; wait for it to finish.`,
        });
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new GatewayError("model_download_in_progress");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Writes the body to `file`, failing when no bytes arrive for `stallTimeoutMs`. */
async function streamBody(response: Response, file: FileHandle, signal: AbortSignal, stallTimeoutMs: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (response.body === null) return;
  const reader = response.body.getReader();
  const onAbort = (): void => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      signal.throwIfAborted();
      let stallTimer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        stallTimer = setTimeout(() => reject(new Error(`no data for ${Math.round(stallTimeoutMs / 1000)} s`)), stallTimeoutMs);
      });
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await Promise.race([reader.read(), stalled]);
      } finally {
        clearTimeout(stallTimer);
      }
      signal.throwIfAborted();
      if (result.done) return;
      await file.write(result.value);
      onChunk(result.value);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    await reader.cancel().catch(() => undefined);
  }
}

async function hashFile(path: string, hash: Hash, length: number, signal: AbortSignal): Promise<void> {
  const stream = createReadStream(path, { start: 0, end: length - 1, signal });
  for await (const chunk of stream) hash.update(chunk as Buffer);
}

async function ensureFreeSpace(directory: string, neededBytes: number, statfsImplementation: DownloadModelOptions["statfs"] = statfs): Promise<void> {
  if (neededBytes <= 0) return;
  let free: number;
  try {
    const stats = await statfsImplementation(directory);
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch {
    // A file system that cannot say (some network mounts) is not a reason to refuse.
    return;
  }
  if (free < neededBytes + diskHeadroomBytes) {
    throw new GatewayError("disk_space_insufficient", {
      message: `Not enough free disk space for this model: it needs ${formatMegabytes(neededBytes)} plus ${formatMegabytes(diskHeadroomBytes)} to spare, and ${directory} has ${formatMegabytes(free)} free. Free some space, then pull again.`,
    });
  }
}

// `bytes START-END/TOTAL`, or `bytes */TOTAL` in a 416 answer.
export function parseContentRange(value: string | null): { start: number | null; total: number | null } | undefined {
  const match = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(value?.trim() ?? "");
  if (!match) return undefined;
  return { start: match[1] === undefined ? null : Number(match[1]), total: match[3] === "*" || match[3] === undefined ? null : Number(match[3]) };
}

async function sizeOrZero(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

export function formatMegabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
