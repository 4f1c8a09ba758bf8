/**
 * The schema of the app's own database, as an ordered list of migrations: THE one place a table is
 * added or changed. Each entry carries its SQL for both backends side by side, so neither can fall
 * behind. Versions are consecutive from 1 and never change once released: a later change is a new
 * entry. `migrate()` applies the pending ones when the app first opens the database, all in one
 * transaction (a failed upgrade leaves the database as it was), and records them in
 * `schema_migrations`.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "snapshots",
    // A snapshot never changes once written: no UPDATE is ever issued on this table. The content
    // hash is unique per kind so that sharing the same content again answers the existing link.
    sqlite: `
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        format INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE UNIQUE INDEX snapshots_content ON snapshots (kind, content_hash);
    `,
    postgres: `
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        format INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE UNIQUE INDEX snapshots_content ON snapshots (kind, content_hash);
    `,
  },
  {
    version: 2,
    name: "audit log",
    // Append-only: who did what through Pipewright (lib/audit/audit-log.ts). The database itself
    // refuses to change or remove a row, so no code path (or hand-written query) can rewrite history.
    sqlite: `
      CREATE TABLE audit_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        method TEXT NOT NULL,
        action TEXT NOT NULL,
        pipeline TEXT,
        region TEXT,
        outcome TEXT NOT NULL,
        request_id TEXT,
        summary TEXT
      );
      CREATE INDEX audit_entries_pipeline ON audit_entries (pipeline, seq);
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
      CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
    `,
    postgres: `
      CREATE TABLE audit_entries (
        seq BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        method TEXT NOT NULL,
        action TEXT NOT NULL,
        pipeline TEXT,
        region TEXT,
        outcome TEXT NOT NULL,
        request_id TEXT,
        summary TEXT
      );
      CREATE INDEX audit_entries_pipeline ON audit_entries (pipeline, seq);
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END;
      $$;
      CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
    `,
  },
  {
    version: 3,
    name: "sessions",
    // OIDC sign-in sessions, shared by every instance on the database and kept across restarts.
    // The key is the SHA-256 of the cookie's random id, so the table alone opens no session; no
    // token is kept (the app needs none after sign-in). Rows past expires_at are purged.
    sqlite: `
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT,
        groups_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions (expires_at);
    `,
    postgres: `
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT,
        groups_json TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions (expires_at);
    `,
  },
  {
    version: 4,
    name: "sign-in flows",
    // OIDC sign-ins under way (redirect to the provider → callback, ten minutes at most), so the
    // callback may land on any instance. Keyed by the SHA-256 of the cookie's random id; a row is
    // taken (deleted) by the one callback that uses it, and expired rows are purged.
    sqlite: `
      CREATE TABLE sign_in_flows (
        id_hash TEXT PRIMARY KEY,
        code_verifier TEXT NOT NULL,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        return_to TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sign_in_flows_expiry ON sign_in_flows (expires_at);
    `,
    postgres: `
      CREATE TABLE sign_in_flows (
        id_hash TEXT PRIMARY KEY,
        code_verifier TEXT NOT NULL,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        return_to TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sign_in_flows_expiry ON sign_in_flows (expires_at);
    `,
  },
];
