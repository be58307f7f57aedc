import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrations } from "./migrations.js";

export type SqliteDatabase = Database.Database;

export const databaseFileName = "privacy-router.sqlite";

/** Opens (creating if needed) the gateway's database in WAL mode and brings its schema up to date. */
export function openDatabase(path: string): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const database = new Database(path);
  try {
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 2000");
    migrate(database);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

function migrate(database: SqliteDatabase): void {
  const current = database.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`the database schema (version ${current}) is newer than this gateway understands (${migrations.length}); upgrade Privacy Router`);
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
