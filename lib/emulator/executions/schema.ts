/**
 * The execution engine's own tables, registered as the `executions` scope of the shell's
 * migration ledger (db.ts). All times are epoch milliseconds (real wall-clock time); the wire
 * layer converts to seconds.
 */
import type Database from "better-sqlite3";
import { applyMigrations, type Migration } from "../db";

const TABLES_001: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS exec_pipeline_executions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     pipeline_name TEXT NOT NULL,
     pipeline_version INTEGER NOT NULL,
     status TEXT NOT NULL,
     status_summary TEXT,
     execution_mode TEXT NOT NULL,
     execution_type TEXT NOT NULL,
     trigger_type TEXT NOT NULL,
     trigger_detail TEXT,
     stop_mode TEXT,
     stop_reason TEXT,
     cancel_requested INTEGER NOT NULL DEFAULT 0,
     rollback_target TEXT,
     client_request_token TEXT,
     request_fingerprint TEXT,
     stage_index INTEGER NOT NULL,
     in_stage INTEGER NOT NULL,
     last_stage_index INTEGER,
     variables_json TEXT NOT NULL,
     source_revisions_json TEXT NOT NULL,
     artifacts_json TEXT NOT NULL,
     namespaces_json TEXT NOT NULL,
     start_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS exec_pipeline_executions_by_pipeline
     ON exec_pipeline_executions (pipeline_name, seq)`,
  `CREATE INDEX IF NOT EXISTS exec_pipeline_executions_by_status
     ON exec_pipeline_executions (status)`,
  `CREATE TABLE IF NOT EXISTS exec_stage_executions (
     execution_id TEXT NOT NULL,
     pipeline_name TEXT NOT NULL,
     stage_name TEXT NOT NULL,
     entry_seq INTEGER NOT NULL,
     status TEXT NOT NULL,
     attempt INTEGER NOT NULL,
     baseline_attempt INTEGER NOT NULL,
     run_order INTEGER,
     manual_retries INTEGER NOT NULL DEFAULT 0,
     latest_retry_trigger TEXT,
     start_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL,
     PRIMARY KEY (execution_id, stage_name)
   )`,
  `CREATE INDEX IF NOT EXISTS exec_stage_executions_by_stage
     ON exec_stage_executions (pipeline_name, stage_name, entry_seq)`,
  `CREATE TABLE IF NOT EXISTS exec_action_executions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     execution_id TEXT NOT NULL,
     pipeline_name TEXT NOT NULL,
     pipeline_version INTEGER NOT NULL,
     stage_name TEXT NOT NULL,
     action_name TEXT NOT NULL,
     attempt INTEGER NOT NULL,
     status TEXT NOT NULL,
     outcome TEXT NOT NULL,
     start_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL,
     due_ms INTEGER,
     token TEXT,
     updated_by TEXT,
     summary TEXT,
     external_id TEXT,
     external_url TEXT,
     error_json TEXT,
     input_json TEXT NOT NULL,
     output_json TEXT
   )`,
  `CREATE INDEX IF NOT EXISTS exec_action_executions_by_execution
     ON exec_action_executions (execution_id, stage_name, action_name)`,
  `CREATE INDEX IF NOT EXISTS exec_action_executions_by_pipeline
     ON exec_action_executions (pipeline_name, seq)`,
  `CREATE INDEX IF NOT EXISTS exec_action_executions_due
     ON exec_action_executions (status, due_ms)`,
  `CREATE TABLE IF NOT EXISTS exec_transitions (
     pipeline_name TEXT NOT NULL,
     stage_name TEXT NOT NULL,
     transition_type TEXT NOT NULL,
     enabled INTEGER NOT NULL,
     disabled_reason TEXT,
     last_changed_by TEXT,
     last_changed_ms INTEGER NOT NULL,
     PRIMARY KEY (pipeline_name, stage_name, transition_type)
   )`,
  `CREATE TABLE IF NOT EXISTS exec_fail_next (
     pipeline_name TEXT NOT NULL,
     stage_name TEXT NOT NULL,
     action_name TEXT NOT NULL,
     PRIMARY KEY (pipeline_name, stage_name, action_name)
   )`,
];

/** The tables, child tables first, for reset and deletes. */
export const EXECUTION_TABLES = [
  "exec_action_executions",
  "exec_stage_executions",
  "exec_pipeline_executions",
  "exec_transitions",
  "exec_fail_next",
] as const;

export const MIGRATION_SCOPE = "executions";

export const EXECUTION_MIGRATIONS: readonly Migration[] = [{ id: "001-executions", up: TABLES_001.join(";\n") }];

/**
 * Applies the engine's migrations through the ledger when the database has one (every database
 * the shell opens). A bare database (unit tests) gets the statements directly; they are written
 * with IF NOT EXISTS so that path is idempotent too.
 */
export function migrateExecutions(db: Database.Database): void {
  const ledger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
  if (ledger) {
    applyMigrations(db, MIGRATION_SCOPE, EXECUTION_MIGRATIONS);
    return;
  }
  db.transaction(() => {
    for (const migration of EXECUTION_MIGRATIONS) {
      if (typeof migration.up === "string") db.exec(migration.up);
      else migration.up(db);
    }
  })();
}
