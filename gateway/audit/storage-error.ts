/**
 * Why the audit store cannot be written, in words a person can act on. The reason comes from
 * SQLite's error code (or the file system's), never from an exception message, which could
 * quote a statement's values.
 */
export function describeStorageError(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED" || code.startsWith("SQLITE_LOCKED_")) {
    return "the database is locked by another process";
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "SQLITE_IOERR_WRITE" || code === "EDQUOT") return "the disk is full";
  if (code === "SQLITE_CORRUPT" || code.startsWith("SQLITE_CORRUPT_") || code === "SQLITE_NOTADB") return "the database file is damaged or is not a database";
  if (code === "SQLITE_READONLY" || code.startsWith("SQLITE_READONLY_") || code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return "the database file cannot be written (read-only or no permission)";
  }
  if (code.startsWith("SQLITE_IOERR") || code === "EIO") return "a disk error";
  if (code.startsWith("SQLITE_CANTOPEN")) return "the database file cannot be opened";
  return code ? `a storage error (${code})` : "a storage error";
}

/** Opening the audit database failed: the gateway does not start rather than serve unrecorded. */
export class AuditStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AuditStoreError";
  }
}
