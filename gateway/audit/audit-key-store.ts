import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Keychain } from "../secrets/keychain.js";
import { AuditSigningKey, generatePrivateKey, importPrivateKey, type KeyStorage } from "./signing-key.js";
import { createPrivateKey } from "node:crypto";

/** Where a chain's signing key is looked for: the OS keychain first, a private file otherwise. */
export interface AuditKeyLocation {
  dataDir: string;
  keychain: Keychain;
  /** The keychain service, shared with provider keys (`PRIVACY_ROUTER_KEYCHAIN_SERVICE`). */
  service: string;
}

/** A problem with the signing key that stops the gateway: it will not write records it cannot sign. */
export class AuditKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AuditKeyError";
  }
}

export function signingKeyAccount(chainId: string): string {
  return `audit-signing-key/${chainId}`;
}

export function signingKeyFile(dataDir: string, chainId: string): string {
  return join(dataDir, `audit-signing-key.${chainId}.pem`);
}

/**
 * A new chain's key. The OS keychain is preferred; where there is none (a headless server
 * without a Secret Service) the key goes to a file only this user can read, and the caller
 * records which, so `doctor` and the UI can say plainly that the key sits beside the data.
 */
export async function createSigningKey(chainId: string, location: AuditKeyLocation, signal?: AbortSignal): Promise<{ key: AuditSigningKey; keychainProblem?: string }> {
  const privateKey = generatePrivateKey();
  const account = signingKeyAccount(chainId);
  const der = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  let keychainProblem: string;
  try {
    await location.keychain.set(location.service, account, der, signal);
    // Read it back: a keychain that accepts a write it cannot return would lose the key at the next start.
    if ((await location.keychain.get(location.service, account, signal)) === der) {
      return { key: new AuditSigningKey(privateKey, "keychain", `${location.service}/${account}`) };
    }
    keychainProblem = "the OS keychain did not return the stored key";
    await location.keychain.delete(location.service, account, signal).catch(() => false);
  } catch (error) {
    if (signal?.aborted === true) throw error;
    keychainProblem = firstLine(error);
  }
  const path = signingKeyFile(location.dataDir, chainId);
  const descriptor = openSync(path, "wx", 0o600);
  try {
    writeSync(descriptor, privateKey.export({ format: "pem", type: "pkcs8" }).toString());
  } finally {
    closeSync(descriptor);
  }
  return { key: new AuditSigningKey(privateKey, "file", path), keychainProblem };
}

/** The key of an existing chain, from the storage the chain recorded when it was created. */
export async function loadSigningKey(chainId: string, storage: KeyStorage, location: AuditKeyLocation, signal?: AbortSignal): Promise<AuditSigningKey> {
  if (storage === "file") return loadKeyFile(signingKeyFile(location.dataDir, chainId));
  const account = signingKeyAccount(chainId);
  let value: string | undefined;
  try {
    value = await location.keychain.get(location.service, account, signal);
  } catch (error) {
    throw new AuditKeyError(
      `the OS keychain could not be read (${firstLine(error)}), and the audit trail's signing key is kept there; unlock the keychain and start again`,
      { cause: error },
    );
  }
  if (value === undefined || value === "") {
    throw new AuditKeyError(
      `the audit trail's signing key (keychain service \`${location.service}\`, account \`${account}\`) is missing, so no record could be signed; restore the keychain entry, or move the database aside to begin a new trail`,
    );
  }
  return new AuditSigningKey(importPrivateKey(value), "keychain", `${location.service}/${account}`);
}

function loadKeyFile(path: string): AuditSigningKey {
  let text: string;
  try {
    // Signal refuses weak storage instead of pretending: a key others can read is not a key.
    if (process.platform !== "win32" && (statSync(path).mode & 0o077) !== 0) {
      throw new AuditKeyError(`the audit signing key ${path} can be read by other users; run \`chmod 600 ${path}\` and start again`);
    }
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    throw new AuditKeyError(`the audit trail's signing key file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? firstLine(error)}); restore it, or move the database aside to begin a new trail`, { cause: error });
  }
  return new AuditSigningKey(createPrivateKey(text), "file", path);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0]?.trim() || "unknown error";
}
