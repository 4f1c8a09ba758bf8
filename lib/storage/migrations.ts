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
];
