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

/**
 * Stage conditions (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html):
 * each evaluation of a condition of a stage in an execution, its rule runs, the simulated
 * CloudWatch alarms rules watch, rule outcomes injected by the control API, and the stage's
 * automatic retries and condition phase.
 */
const STAGE_COLUMNS_002: ReadonlyArray<[string, string]> = [
  ["condition_phase", "TEXT"],
  ["auto_retries", "INTEGER NOT NULL DEFAULT 0"],
];
const TABLES_002: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS exec_stage_conditions (
     execution_id TEXT NOT NULL,
     pipeline_name TEXT NOT NULL,
     stage_name TEXT NOT NULL,
     condition_type TEXT NOT NULL,
     status TEXT NOT NULL,
     summary TEXT,
     evaluation INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL,
     PRIMARY KEY (execution_id, stage_name, condition_type)
   )`,
  `CREATE TABLE IF NOT EXISTS exec_rule_executions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     execution_id TEXT NOT NULL,
     pipeline_name TEXT NOT NULL,
     pipeline_version INTEGER NOT NULL,
     stage_name TEXT NOT NULL,
     condition_type TEXT NOT NULL,
     evaluation INTEGER NOT NULL,
     rule_name TEXT NOT NULL,
     status TEXT NOT NULL,
     forced_failure INTEGER NOT NULL DEFAULT 0,
     start_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL,
     due_ms INTEGER,
     summary TEXT,
     external_id TEXT,
     external_url TEXT,
     error_json TEXT,
     input_json TEXT NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS exec_rule_executions_by_execution
     ON exec_rule_executions (execution_id, stage_name, condition_type, evaluation)`,
  `CREATE INDEX IF NOT EXISTS exec_rule_executions_due ON exec_rule_executions (status, due_ms)`,
  `CREATE TABLE IF NOT EXISTS exec_alarm_states (
     alarm_name TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     updated_ms INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS exec_rule_fail_next (
     pipeline_name TEXT NOT NULL,
     stage_name TEXT NOT NULL,
     rule_name TEXT NOT NULL,
     PRIMARY KEY (pipeline_name, stage_name, rule_name)
   )`,
];

/** The tables keyed by pipeline, child tables first, for reset and deletes. */
export const EXECUTION_TABLES = [
  "exec_rule_executions",
  "exec_stage_conditions",
  "exec_rule_fail_next",
  "exec_action_executions",
  "exec_stage_executions",
  "exec_pipeline_executions",
  "exec_transitions",
  "exec_fail_next",
] as const;

export const MIGRATION_SCOPE = "executions";

/** ALTER TABLE is not idempotent: add only the columns a bare database (unit tests) lacks. */
function migrate002(db: Database.Database): void {
  const columns = new Set((db.prepare(`PRAGMA table_info(exec_stage_executions)`).all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of STAGE_COLUMNS_002) {
    if (!columns.has(name)) db.exec(`ALTER TABLE exec_stage_executions ADD COLUMN ${name} ${type}`);
  }
  db.exec(TABLES_002.join(";\n"));
}

/** Tables not keyed by pipeline (reset only). */
export const GLOBAL_TABLES = ["exec_alarm_states"] as const;

export const EXECUTION_MIGRATIONS: readonly Migration[] = [
  { id: "001-executions", up: TABLES_001.join(";\n") },
  { id: "002-stage-conditions", up: migrate002 },
];

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
