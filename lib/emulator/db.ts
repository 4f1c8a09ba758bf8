/**
 * The emulator's SQLite database: one file, `pipewright.sqlite`, in the data directory.
 *
 * Both halves of the emulator keep their state here: the service shell (definitions, tags) and
 * the execution engine (executions, state board). Each half owns a migration *scope* and
 * registers its own ordered migrations with `applyMigrations`, so neither has to know the
 * other's tables. A migration runs once per database, inside a transaction.
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

export type EmulatorDatabase = Database.Database;

export const DATABASE_FILE = "pipewright.sqlite";

/**
 * The file of one region's state. The emulator keeps pipelines per region, as CodePipeline does
 * (a pipeline's name is unique within its account and region): the home region in
 * DATABASE_FILE (as before regions were kept apart), every other region in a file of its own.
 */
export function databaseFileFor(region: string, homeRegion: string): string {
  return region === homeRegion ? DATABASE_FILE : `pipewright.${region}.sqlite`;
}

export interface Migration {
  /** Stable and never reused within its scope, e.g. `001-pipelines`; applied in array order. */
  readonly id: string;
  readonly up: string | ((db: EmulatorDatabase) => void);
}

export interface OpenedDatabase {
  readonly db: EmulatorDatabase;
  /** True when the file did not exist before: the caller seeds demo data on first start. */
  readonly created: boolean;
  readonly file: string;
}

/** The data directory cannot be used; the message says why, in one line for the user. */
export class DataDirectoryError extends Error {
  override readonly name = "DataDirectoryError";
}

/** Creates the data directory if needed; DataDirectoryError when the path cannot be one. */
export function ensureDataDirectory(dataDir: string): void {
  // An empty path would silently mean the working directory.
  if (dataDir.trim() === "") throw new DataDirectoryError("the data directory must be a path, got an empty string");
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new DataDirectoryError(`the data directory ${dataDir} is a file, not a directory`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataDirectoryError(`cannot create the data directory ${dataDir} (${code})`);
  }
}

export function openDatabase(dataDir: string, fileName = DATABASE_FILE): OpenedDatabase {
  ensureDataDirectory(dataDir);
  const file = path.join(dataDir, fileName);
  const created = !existsSync(file);
  const db = new Database(file);
  // WAL lets the app read while the emulator writes; NORMAL sync is safe with WAL.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    applied_at REAL NOT NULL,
    PRIMARY KEY (scope, id)
  )`);
  return { db, created, file };
}

/** Applies the migrations of `scope` that this database has not seen yet, in order. */
export function applyMigrations(db: EmulatorDatabase, scope: string, migrations: readonly Migration[]): string[] {
  const seen = new Set(
    (db.prepare("SELECT id FROM migrations WHERE scope = ?").all(scope) as { id: string }[]).map((r) => r.id),
  );
  const record = db.prepare("INSERT INTO migrations (scope, id, applied_at) VALUES (?, ?, ?)");
  const applied: string[] = [];
  for (const migration of migrations) {
    if (seen.has(migration.id)) continue;
    db.transaction(() => {
      if (typeof migration.up === "string") db.exec(migration.up);
      else migration.up(db);
      record.run(scope, migration.id, Date.now() / 1000);
    })();
    applied.push(migration.id);
  }
  return applied;
}

/** The service shell's tables: pipeline definitions (every version kept) and their tags. */
export const SHELL_MIGRATIONS: readonly Migration[] = [
  {
    id: "001-pipelines",
    up: `
      CREATE TABLE pipelines (
        name TEXT PRIMARY KEY,
        region TEXT NOT NULL,
        latest_version INTEGER NOT NULL,
        created REAL NOT NULL,
        updated REAL NOT NULL
      );
      CREATE TABLE pipeline_versions (
        name TEXT NOT NULL REFERENCES pipelines(name) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        declaration TEXT NOT NULL,
        created REAL NOT NULL,
        PRIMARY KEY (name, version)
      );
      CREATE TABLE pipeline_tags (
        name TEXT NOT NULL REFERENCES pipelines(name) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (name, key)
      );
    `,
  },
];
