import Database from "better-sqlite3";
import { chmodSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrations } from "./migrations.js";
import { AuditStoreError, describeStorageError } from "./storage-error.js";

export type SqliteDatabase = Database.Database;
/** A prepared statement taking positional or named parameters. */
export type SqliteStatement = Database.Statement<unknown[], unknown>;

export const databaseFileName = "privacy-router.sqlite";

/**
 * Names a better-sqlite3 addon built for another runtime's ABI. The desktop app's main process
 * sets it in development, where the gateway runs under Electron while node_modules holds the
 * build for Node (docs/architecture.md, "Two ABIs"); unset, the package's own build is used.
 */
export const sqliteBindingVariable = "PRIVACY_ROUTER_SQLITE_BINDING";

function bindingOption(env: NodeJS.ProcessEnv = process.env): { nativeBinding?: string } {
  const binding = env[sqliteBindingVariable];
  return binding ? { nativeBinding: binding } : {};
}

/**
 * Opens (creating if needed) the gateway's database in WAL mode and brings its schema up to
 * date. A database that cannot be opened (locked, damaged, on a full disk) is an AuditStoreError
 * that says why: the gateway does not start rather than serve requests it cannot record.
 */
export function openDatabase(path: string): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let database: SqliteDatabase;
  try {
    database = new Database(path, bindingOption());
  } catch (error) {
    throw new AuditStoreError(`cannot open the audit database ${path}: ${describeStorageError(error)}; no request is served without a record`, { cause: error });
  }
  try {
    // The trail's metadata is this user's business alone; SQLite gives the -wal and -shm files the same mode.
    if (process.platform !== "win32") chmodSync(path, 0o600);
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 2000");
    // Deleted text (purged content) is overwritten with zeros, not left in free pages.
    database.pragma("secure_delete = ON");
    migrate(database);
  } catch (error) {
    database.close();
    if (error instanceof AuditStoreError) throw error;
    throw new AuditStoreError(`cannot open the audit database ${path}: ${describeStorageError(error)}; no request is served without a record`, { cause: error });
  }
  return database;
}

/**
 * Opens the database for reading only (audit verify, export, status), beside a running
 * gateway: WAL lets it read a consistent snapshot while the gateway writes.
 */
export function openDatabaseForReading(path: string): SqliteDatabase {
  let database: SqliteDatabase;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true, ...bindingOption() });
    database.pragma("busy_timeout = 2000");
    database.pragma("user_version", { simple: true });
  } catch (error) {
    const reason = (error as { code?: unknown }).code === "SQLITE_CANTOPEN" ? "there is no database there yet" : describeStorageError(error);
    throw new AuditStoreError(`cannot read the audit database ${path}: ${reason}`, { cause: error });
  }
  return database;
}

function migrate(database: SqliteDatabase): void {
  const current = database.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new AuditStoreError(`the database schema (version ${current}) is newer than this gateway understands (${migrations.length}); upgrade Privacy Router`);
  }
  for (let version = current; version < migrations.length; version++) {
    const step = migrations[version];
    if (step === undefined) continue;
    database.transaction(() => {
      database.exec(step);
      database.pragma(`user_version = ${version + 1}`);
    })();
  }
}
