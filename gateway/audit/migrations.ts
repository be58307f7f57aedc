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
  // 2: the tamper-evident audit trail (docs/architecture.md, "Audit trail").
  `
  -- One chain per database: its id and the public half of the Ed25519 key that signs it. The
  -- private half is in the OS keychain, or in a file only this user can read (key_storage).
  CREATE TABLE audit_chain (
    chain_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    public_key TEXT NOT NULL,
    key_storage TEXT NOT NULL CHECK (key_storage IN ('keychain', 'file'))
  );

  -- One record per finished request (and per incident found in the trail itself), never changed.
  -- hash = SHA-256 over (chain, seq, kind, recorded_at, prev_hash, body); signature signs hash;
  -- prev_hash is the previous record's hash. body is the receipt as canonical JSON.
  CREATE TABLE audit_records (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('request', 'incident')),
    request_id TEXT UNIQUE,
    recorded_at TEXT NOT NULL,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    signature TEXT NOT NULL,
    -- Copies of receipt fields, so the audit view can filter and sum without parsing JSON;
    -- "audit verify" checks that each equals the signed receipt.
    client TEXT,
    route TEXT,
    provider TEXT,
    status TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    cost_usd REAL,
    latency_ms REAL
  );
  -- Keyset pages (newest first) under one filter each, and time ranges turned into seq ranges.
  CREATE INDEX audit_records_recorded_at ON audit_records (recorded_at);
  CREATE INDEX audit_records_client ON audit_records (client, seq);
  CREATE INDEX audit_records_route ON audit_records (route, seq);
  CREATE INDEX audit_records_provider ON audit_records (provider, seq);
  CREATE INDEX audit_records_status ON audit_records (status, seq);

  -- Append-only, enforced here too: an UPDATE or DELETE by mistake fails instead of breaking the chain.
  CREATE TRIGGER audit_records_append_only_update BEFORE UPDATE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
  CREATE TRIGGER audit_records_append_only_delete BEFORE DELETE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

  -- Incidents are rare: counting them must not scan the trail.
  CREATE INDEX audit_records_incidents ON audit_records (seq) WHERE kind = 'incident';

  -- Hourly totals for the dashboard, updated in the same transaction as each request's record.
  -- Derived from the records, never a source of truth: "audit verify" recomputes and compares
  -- them. hour is recorded_at cut to the hour (2026-01-31T14).
  CREATE TABLE audit_hourly (
    hour TEXT NOT NULL,
    client TEXT NOT NULL,
    route TEXT NOT NULL,
    provider TEXT NOT NULL,
    status TEXT NOT NULL,
    records INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    latency_ms REAL NOT NULL,
    timed INTEGER NOT NULL,
    PRIMARY KEY (hour, client, route, provider, status)
  ) WITHOUT ROWID;
  CREATE TABLE audit_hourly_findings (
    hour TEXT NOT NULL,
    client TEXT NOT NULL,
    route TEXT NOT NULL,
    provider TEXT NOT NULL,
    status TEXT NOT NULL,
    finding_type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, client, route, provider, status, finding_type)
  ) WITHOUT ROWID;

  -- The finding types of each record, for the "finding type" filter (counts, never values).
  CREATE TABLE audit_record_findings (
    finding_type TEXT NOT NULL,
    seq INTEGER NOT NULL REFERENCES audit_records (seq),
    count INTEGER NOT NULL,
    PRIMARY KEY (finding_type, seq)
  ) WITHOUT ROWID;

  -- Request and answer text, only where a logging rule keeps it, until expires_at. The record
  -- holds the text's SHA-256, so purging the text leaves the chain whole.
  CREATE TABLE audit_content (
    seq INTEGER PRIMARY KEY REFERENCES audit_records (seq),
    level TEXT NOT NULL CHECK (level IN ('pseudonymized', 'full')),
    content TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX audit_content_expires_at ON audit_content (expires_at);

  -- The text of every policy version a record names; version is the hash of document.
  CREATE TABLE policy_versions (
    version TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    first_used_at TEXT NOT NULL
  );

  -- The receipt as it stood when the request's row was begun, so a request a crash
  -- interrupted still gets its record at the next start. Cleared when the request ends.
  ALTER TABLE requests ADD COLUMN draft TEXT;
  CREATE INDEX requests_status ON requests (status);
  `,
  // 3: one-time UI login tokens (hashes only), written by `serve` and `login`, used up by the gateway.
  `
  CREATE TABLE login_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  `,
];
