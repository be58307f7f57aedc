import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadSigningKey, type AuditKeyLocation } from "./audit-key-store.js";
import { readHeadFile, type HeadFileState } from "./head-file.js";
import { readKeychainHead, type KeychainHead } from "./keychain-anchor.js";
import { databaseFileName, openDatabaseForReading, type SqliteDatabase } from "./open-database.js";
import { keyFingerprint, type AuditSigningKey, type KeyStorage } from "./signing-key.js";

export interface TrailChain {
  chainId: string;
  createdAt: string;
  publicKey: string;
  keyStorage: KeyStorage;
}

export function readChain(database: SqliteDatabase): TrailChain | undefined {
  const hasTable = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'").get() !== undefined;
  if (!hasTable) return undefined;
  const row = database.prepare("SELECT chain_id, created_at, public_key, key_storage FROM audit_chain LIMIT 1").get() as
    | { chain_id: string; created_at: string; public_key: string; key_storage: KeyStorage }
    | undefined;
  return row ? { chainId: row.chain_id, createdAt: row.created_at, publicKey: row.public_key, keyStorage: row.key_storage } : undefined;
}

/** The chain's signing key, or why it cannot be had (the CLI then checks with the database's public key and says so). */
export async function loadTrailKey(chain: TrailChain, location: AuditKeyLocation): Promise<{ key: AuditSigningKey } | { problem: string }> {
  try {
    return { key: await loadSigningKey(chain.chainId, chain.keyStorage, location, AbortSignal.timeout(15_000)) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The anchors as they stand now; read before a database snapshot, never after. */
export async function readAnchors(chain: TrailChain | undefined, location: AuditKeyLocation): Promise<{ file: HeadFileState; keychain: KeychainHead | undefined }> {
  const file = readHeadFile(location.dataDir);
  const keychain =
    chain?.keyStorage === "keychain" ? await readKeychainHead(location.keychain, location.service, chain.chainId, AbortSignal.timeout(15_000)).catch(() => undefined) : undefined;
  return { file, keychain };
}

/** What `doctor`, `audit status` and the UI say about the trail. */
export interface AuditStatus {
  chainId: string | null;
  records: number;
  firstRecordAt: string | null;
  lastRecordAt: string | null;
  keyStorage: KeyStorage | null;
  keyFingerprint: string | null;
  /** Whether this process could read the private key. */
  keyAvailable: boolean;
  keyProblem: string | null;
  /** A plain sentence when the key's storage is weaker than the OS keychain. */
  keyWarning: string | null;
  headFile: { state: HeadFileState["state"]; seq: number | null; signedAt: string | null };
  keychainHead: KeychainHead | null;
  /** Requests whose text is still kept under a logging rule. */
  contentKept: number;
}

export const fileKeyWarning =
  "The audit signing key is kept in a file in the data directory because no OS keychain was available: anyone who can read that folder could rewrite the trail without it showing. Use a machine with a keychain (on Linux, a Secret Service such as gnome-keyring) for stronger evidence.";

export async function readAuditStatus(location: AuditKeyLocation): Promise<AuditStatus> {
  const path = join(location.dataDir, databaseFileName);
  const empty: AuditStatus = {
    chainId: null,
    records: 0,
    firstRecordAt: null,
    lastRecordAt: null,
    keyStorage: null,
    keyFingerprint: null,
    keyAvailable: false,
    keyProblem: null,
    keyWarning: null,
    headFile: { state: "missing", seq: null, signedAt: null },
    keychainHead: null,
    contentKept: 0,
  };
  if (!existsSync(path)) return empty;
  const database = openDatabaseForReading(path);
  try {
    const chain = readChain(database);
    if (chain === undefined) return empty;
    const anchors = await readAnchors(chain, location);
    const counts = database.prepare("SELECT COUNT(*) AS records, MIN(recorded_at) AS first, MAX(recorded_at) AS last FROM audit_records").get() as { records: number; first: string | null; last: string | null };
    const contentKept = database.prepare("SELECT COUNT(*) FROM audit_content").pluck().get() as number;
    const loaded = await loadTrailKey(chain, location);
    return {
      chainId: chain.chainId,
      records: counts.records,
      firstRecordAt: counts.first,
      lastRecordAt: counts.last,
      keyStorage: chain.keyStorage,
      keyFingerprint: keyFingerprint(chain.publicKey),
      keyAvailable: "key" in loaded,
      keyProblem: "problem" in loaded ? loaded.problem : null,
      keyWarning: chain.keyStorage === "file" ? fileKeyWarning : null,
      headFile: { state: anchors.file.state, seq: anchors.file.state === "present" ? anchors.file.head.seq : null, signedAt: anchors.file.state === "present" ? anchors.file.head.signedAt : null },
      keychainHead: anchors.keychain ?? null,
      contentKept,
    };
  } finally {
    database.close();
  }
}
