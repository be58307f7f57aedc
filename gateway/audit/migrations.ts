/**
 * Versioned schema migrations, applied in order inside one transaction each; the database's
 * `user_version` says how far it got. Append new steps; never edit a released one.
 */
export const migrations: readonly string[] = [
  // 1: the request log and client tokens.
  `
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    client TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    requested_model TEXT,
    route TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT,
    status TEXT NOT NULL,
    http_status INTEGER,
    error_code TEXT,
    stream INTEGER NOT NULL DEFAULT 0,
    latency_ms REAL,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    redactions INTEGER NOT NULL DEFAULT 0,
    findings_by_type TEXT NOT NULL DEFAULT '{}',
    policy_version TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX requests_started_at ON requests (started_at);
  CREATE TABLE client_tokens (
    name TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  `,
];
