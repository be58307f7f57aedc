import type { Keychain } from "../secrets/keychain.js";

export interface KeychainHead {
  seq: number;
  hash: string;
  at: string;
}

export function headAccount(chainId: string): string {
  return `audit-head/${chainId}`;
}

export async function readKeychainHead(keychain: Keychain, service: string, chainId: string, signal?: AbortSignal): Promise<KeychainHead | undefined> {
  const text = await keychain.get(service, headAccount(chainId), signal);
  if (text === undefined || text === "") return undefined;
  const value = JSON.parse(text) as Partial<KeychainHead>;
  if (typeof value.seq !== "number" || typeof value.hash !== "string" || typeof value.at !== "string") return undefined;
  return { seq: value.seq, hash: value.hash, at: value.at };
}

/**
 * A second copy of the head, in the OS keychain: restoring an old copy of the whole data
 * directory (database and head file together) rolls both back, but not the keychain. Keychain
 * writes are slow (a D-Bus round trip, a keyring file rewrite), so they are coalesced: at most
 * one every `intervalMs`, always the newest head, and one more when the gateway stops.
 */
export class KeychainAnchor {
  readonly #keychain: Keychain;
  readonly #service: string;
  readonly #account: string;
  readonly #intervalMs: number;
  readonly #onProblem: (reason: string) => void;
  #pending: KeychainHead | undefined;
  #writing: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(options: { keychain: Keychain; service: string; chainId: string; intervalMs: number; onProblem: (reason: string) => void }) {
    this.#keychain = options.keychain;
    this.#service = options.service;
    this.#account = headAccount(options.chainId);
    this.#intervalMs = options.intervalMs;
    this.#onProblem = options.onProblem;
  }

  advance(head: KeychainHead): void {
    this.#pending = head;
    this.#schedule();
  }

  /** Writes the newest head now and waits for it; for shutdown. */
  async flush(): Promise<void> {
    this.#cancelTimer();
    await this.#writing;
    // The write that just ended may have scheduled the next one: write it now instead.
    this.#cancelTimer();
    if (this.#pending) await this.#write();
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#writing !== undefined) return;
    const wait = Math.max(0, this.#lastWriteAt + this.#intervalMs - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#write();
    }, wait);
    // The anchor never keeps the process alive; shutdown flushes it.
    this.#timer.unref?.();
  }

  #write(): Promise<void> {
    const head = this.#pending;
    if (!head) return Promise.resolve();
    this.#pending = undefined;
    this.#writing = this.#keychain
      .set(this.#service, this.#account, JSON.stringify(head))
      .catch((error: unknown) => this.#onProblem(error instanceof Error ? (error.message.split("\n", 1)[0] ?? "") : String(error)))
      .finally(() => {
        this.#writing = undefined;
        this.#lastWriteAt = performance.now();
        if (this.#pending) this.#schedule();
      });
    return this.#writing;
  }
}
