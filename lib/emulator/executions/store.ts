/**
 * All SQL of the engine. The runner loads records, changes them, and saves them back whole;
 * callers wrap a unit of work in `transaction` so a crash never leaves half a step behind.
 */
import type Database from "better-sqlite3";
import type { ActionRecord, ExecutionRecord, StageRecord } from "./records";
import { actionRow, executionRow, opt, toAction, toExecution, toStage, type Row } from "./rows";
import { EXECUTION_TABLES, GLOBAL_TABLES } from "./schema";

export interface TransitionRecord {
  readonly pipelineName: string;
  readonly stageName: string;
  readonly transitionType: "Inbound" | "Outbound";
  readonly enabled: boolean;
  readonly disabledReason?: string;
  readonly lastChangedBy?: string;
  readonly lastChangedMs: number;
}

export interface ExecutionPageQuery {
  readonly pipelineName: string;
  /** Only rows with seq below this (keyset paging, newest first). */
  readonly beforeSeq?: number;
  readonly limit: number;
  /** Only executions whose run of this stage succeeded. */
  readonly succeededInStage?: string;
}

export interface ActionPageQuery {
  readonly pipelineName: string;
  readonly executionId?: string;
  readonly beforeSeq?: number;
  readonly limit: number;
}

export class ExecutionStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  // ---- pipeline executions ----------------------------------------------------------------

  insertExecution(record: Omit<ExecutionRecord, "seq">): ExecutionRecord {
    const info = this.stmt(
      `INSERT INTO exec_pipeline_executions (id, pipeline_name, pipeline_version, status, status_summary,
         execution_mode, execution_type, trigger_type, trigger_detail, stop_mode, stop_reason, cancel_requested,
         rollback_target, client_request_token, request_fingerprint, stage_index, in_stage, last_stage_index,
         variables_json, source_revisions_json, artifacts_json, namespaces_json, start_ms, updated_ms)
       VALUES (@id, @pipeline_name, @pipeline_version, @status, @status_summary, @execution_mode, @execution_type,
         @trigger_type, @trigger_detail, @stop_mode, @stop_reason, @cancel_requested, @rollback_target,
         @client_request_token, @request_fingerprint, @stage_index, @in_stage, @last_stage_index, @variables_json,
         @source_revisions_json, @artifacts_json, @namespaces_json, @start_ms, @updated_ms)`,
    ).run(executionRow(record));
    return { ...record, seq: Number(info.lastInsertRowid) };
  }

  saveExecution(record: ExecutionRecord): void {
    this.stmt(
      `UPDATE exec_pipeline_executions SET status = @status, status_summary = @status_summary,
         stop_mode = @stop_mode, stop_reason = @stop_reason, cancel_requested = @cancel_requested,
         stage_index = @stage_index, in_stage = @in_stage, artifacts_json = @artifacts_json,
         namespaces_json = @namespaces_json, updated_ms = @updated_ms
       WHERE id = @id`,
    ).run(executionRow(record));
  }

  getExecution(id: string): ExecutionRecord | undefined {
    const row = this.stmt(`SELECT * FROM exec_pipeline_executions WHERE id = ?`).get(id) as Row | undefined;
    return row ? toExecution(row) : undefined;
  }

  findByClientToken(pipelineName: string, token: string): ExecutionRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_pipeline_executions WHERE pipeline_name = ? AND client_request_token = ?`,
    ).get(pipelineName, token) as Row | undefined;
    return row ? toExecution(row) : undefined;
  }

  /** InProgress and Stopping executions of a pipeline, oldest first. */
  activeExecutions(pipelineName: string): ExecutionRecord[] {
    return (
      this.stmt(
        `SELECT * FROM exec_pipeline_executions
         WHERE pipeline_name = ? AND status IN ('InProgress', 'Stopping') ORDER BY seq`,
      ).all(pipelineName) as Row[]
    ).map(toExecution);
  }

  activePipelineNames(): string[] {
    return (
      this.stmt(
        `SELECT DISTINCT pipeline_name FROM exec_pipeline_executions
         WHERE status IN ('InProgress', 'Stopping') ORDER BY pipeline_name`,
      ).all() as Row[]
    ).map((r) => String(r.pipeline_name));
  }

  pageExecutions(query: ExecutionPageQuery): ExecutionRecord[] {
    const rows = this.stmt(
      `SELECT e.* FROM exec_pipeline_executions e
       WHERE e.pipeline_name = @name AND (@before IS NULL OR e.seq < @before)
         AND (@stage IS NULL OR EXISTS (SELECT 1 FROM exec_stage_executions s
              WHERE s.execution_id = e.id AND s.stage_name = @stage AND s.status = 'Succeeded'))
       ORDER BY e.seq DESC LIMIT @limit`,
    ).all({
      name: query.pipelineName,
      before: query.beforeSeq ?? null,
      stage: query.succeededInStage ?? null,
      limit: query.limit,
    }) as Row[];
    return rows.map(toExecution);
  }

  /**
   * The newest standard execution of a pipeline version (other than `excludeId`) whose run of a
   * stage succeeded: the target of an automatic rollback.
   */
  lastSucceededInStage(pipelineName: string, stageName: string, version: number, excludeId: string): ExecutionRecord | undefined {
    const row = this.stmt(
      `SELECT e.* FROM exec_pipeline_executions e JOIN exec_stage_executions s ON s.execution_id = e.id
       WHERE e.pipeline_name = ? AND s.stage_name = ? AND s.status = 'Succeeded' AND e.pipeline_version = ?
         AND e.execution_type = 'STANDARD' AND e.id <> ?
       ORDER BY s.updated_ms DESC, e.seq DESC LIMIT 1`,
    ).get(pipelineName, stageName, version, excludeId) as Row | undefined;
    return row ? toExecution(row) : undefined;
  }

  // ---- stage executions -------------------------------------------------------------------

  getStage(executionId: string, stageName: string): StageRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_stage_executions WHERE execution_id = ? AND stage_name = ?`,
    ).get(executionId, stageName) as Row | undefined;
    return row ? toStage(row) : undefined;
  }

  stagesOf(executionId: string): StageRecord[] {
    return (
      this.stmt(`SELECT * FROM exec_stage_executions WHERE execution_id = ? ORDER BY entry_seq`).all(
        executionId,
      ) as Row[]
    ).map(toStage);
  }

  saveStage(record: StageRecord): void {
    this.stmt(
      `INSERT INTO exec_stage_executions (execution_id, pipeline_name, stage_name, entry_seq, status, attempt,
         baseline_attempt, run_order, manual_retries, auto_retries, latest_retry_trigger, condition_phase, start_ms, updated_ms)
       VALUES (@execution_id, @pipeline_name, @stage_name, @entry_seq, @status, @attempt, @baseline_attempt,
         @run_order, @manual_retries, @auto_retries, @latest_retry_trigger, @condition_phase, @start_ms, @updated_ms)
       ON CONFLICT (execution_id, stage_name) DO UPDATE SET entry_seq = excluded.entry_seq,
         status = excluded.status, attempt = excluded.attempt, baseline_attempt = excluded.baseline_attempt,
         run_order = excluded.run_order, manual_retries = excluded.manual_retries, auto_retries = excluded.auto_retries,
         latest_retry_trigger = excluded.latest_retry_trigger, condition_phase = excluded.condition_phase,
         start_ms = excluded.start_ms,
         updated_ms = excluded.updated_ms`,
    ).run({
      execution_id: record.executionId,
      pipeline_name: record.pipelineName,
      stage_name: record.stageName,
      entry_seq: record.entrySeq,
      status: record.status,
      attempt: record.attempt,
      baseline_attempt: record.baselineAttempt,
      run_order: record.runOrder ?? null,
      manual_retries: record.manualRetries,
      auto_retries: record.autoRetries,
      latest_retry_trigger: record.latestRetryTrigger ?? null,
      condition_phase: record.conditionPhase ?? null,
      start_ms: record.startMs,
      updated_ms: record.updatedMs,
    });
  }

  nextEntrySeq(): number {
    const row = this.stmt(`SELECT COALESCE(MAX(entry_seq), 0) + 1 AS next FROM exec_stage_executions`).get() as Row;
    return Number(row.next);
  }

  /** The execution that most recently entered (or re-entered) a stage of the pipeline. */
  latestStageRun(pipelineName: string, stageName: string): StageRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_stage_executions WHERE pipeline_name = ? AND stage_name = ?
       ORDER BY entry_seq DESC LIMIT 1`,
    ).get(pipelineName, stageName) as Row | undefined;
    return row ? toStage(row) : undefined;
  }

  /** Executions of other runs that hold a stage right now (locked modes allow one). */
  occupants(pipelineName: string, stageName: string): StageRecord[] {
    return (
      this.stmt(
        `SELECT * FROM exec_stage_executions WHERE pipeline_name = ? AND stage_name = ?
         AND status IN ('InProgress', 'Stopping')`,
      ).all(pipelineName, stageName) as Row[]
    ).map(toStage);
  }

  // ---- action executions ------------------------------------------------------------------

  insertAction(record: Omit<ActionRecord, "seq">): ActionRecord {
    const info = this.stmt(
      `INSERT INTO exec_action_executions (id, execution_id, pipeline_name, pipeline_version, stage_name,
         action_name, attempt, status, outcome, start_ms, updated_ms, due_ms, token, updated_by, summary,
         external_id, external_url, error_json, input_json, output_json)
       VALUES (@id, @execution_id, @pipeline_name, @pipeline_version, @stage_name, @action_name, @attempt,
         @status, @outcome, @start_ms, @updated_ms, @due_ms, @token, @updated_by, @summary, @external_id,
         @external_url, @error_json, @input_json, @output_json)`,
    ).run(actionRow(record));
    return { ...record, seq: Number(info.lastInsertRowid) };
  }

  saveAction(record: ActionRecord): void {
    this.stmt(
      `UPDATE exec_action_executions SET status = @status, updated_ms = @updated_ms, due_ms = @due_ms,
         updated_by = @updated_by, summary = @summary, external_id = @external_id, external_url = @external_url,
         error_json = @error_json, output_json = @output_json
       WHERE id = @id`,
    ).run(actionRow(record));
  }

  actionsOf(executionId: string, stageName?: string): ActionRecord[] {
    const rows =
      stageName === undefined
        ? this.stmt(`SELECT * FROM exec_action_executions WHERE execution_id = ? ORDER BY seq`).all(executionId)
        : this.stmt(
            `SELECT * FROM exec_action_executions WHERE execution_id = ? AND stage_name = ? ORDER BY seq`,
          ).all(executionId, stageName);
    return (rows as Row[]).map(toAction);
  }

  getAction(id: string): ActionRecord | undefined {
    const row = this.stmt(`SELECT * FROM exec_action_executions WHERE id = ?`).get(id) as Row | undefined;
    return row ? toAction(row) : undefined;
  }

  inProgressActions(pipelineName?: string): ActionRecord[] {
    const rows =
      pipelineName === undefined
        ? this.stmt(`SELECT * FROM exec_action_executions WHERE status = 'InProgress' ORDER BY seq`).all()
        : this.stmt(
            `SELECT * FROM exec_action_executions WHERE status = 'InProgress' AND pipeline_name = ? ORDER BY seq`,
          ).all(pipelineName);
    return (rows as Row[]).map(toAction);
  }

  dueActions(now: number, pipelineName?: string): ActionRecord[] {
    const rows = this.stmt(
      `SELECT * FROM exec_action_executions WHERE status = 'InProgress' AND due_ms IS NOT NULL AND due_ms <= @now
       AND (@name IS NULL OR pipeline_name = @name) ORDER BY due_ms, seq`,
    ).all({ now, name: pipelineName ?? null }) as Row[];
    return rows.map(toAction);
  }

  nextDueMs(pipelineName?: string): number | undefined {
    const row = this.stmt(
      `SELECT MIN(due) AS due FROM (
         SELECT MIN(due_ms) AS due FROM exec_action_executions WHERE status = 'InProgress' AND due_ms IS NOT NULL
         AND (@name IS NULL OR pipeline_name = @name)
         UNION ALL
         SELECT MIN(due_ms) AS due FROM exec_rule_executions WHERE status = 'InProgress' AND due_ms IS NOT NULL
         AND (@name IS NULL OR pipeline_name = @name))`,
    ).get({ name: pipelineName ?? null }) as Row;
    return row.due === null || row.due === undefined ? undefined : Number(row.due);
  }

  /** The most recent run of an action (across executions): what the state board shows. */
  latestActionRun(pipelineName: string, stageName: string, actionName: string): ActionRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_action_executions WHERE pipeline_name = ? AND stage_name = ? AND action_name = ?
       ORDER BY seq DESC LIMIT 1`,
    ).get(pipelineName, stageName, actionName) as Row | undefined;
    return row ? toAction(row) : undefined;
  }

  /** The most recent succeeded run of a source action (its revision is the board's currentRevision). */
  latestSucceededRun(pipelineName: string, stageName: string, actionName: string): ActionRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_action_executions WHERE pipeline_name = ? AND stage_name = ? AND action_name = ?
       AND status = 'Succeeded' ORDER BY seq DESC LIMIT 1`,
    ).get(pipelineName, stageName, actionName) as Row | undefined;
    return row ? toAction(row) : undefined;
  }

  actionsWithToken(pipelineName: string, token: string): ActionRecord[] {
    return (
      this.stmt(`SELECT * FROM exec_action_executions WHERE pipeline_name = ? AND token = ?`).all(
        pipelineName,
        token,
      ) as Row[]
    ).map(toAction);
  }

  pageActions(query: ActionPageQuery): ActionRecord[] {
    const rows = this.stmt(
      `SELECT * FROM exec_action_executions WHERE pipeline_name = @name
       AND (@execution IS NULL OR execution_id = @execution) AND (@before IS NULL OR seq < @before)
       ORDER BY seq DESC LIMIT @limit`,
    ).all({
      name: query.pipelineName,
      execution: query.executionId ?? null,
      before: query.beforeSeq ?? null,
      limit: query.limit,
    }) as Row[];
    return rows.map(toAction);
  }

  /** Rescales the remaining time of every running action (time-scale change, demo seed). */
  rescaleDue(now: number, factor: number, pipelineName?: string): void {
    for (const table of ["exec_action_executions", "exec_rule_executions"]) {
      this.stmt(
        `UPDATE ${table} SET due_ms = @now + CAST((due_ms - @now) * @factor AS INTEGER)
         WHERE status = 'InProgress' AND due_ms IS NOT NULL AND due_ms > @now
         AND (@name IS NULL OR pipeline_name = @name)`,
      ).run({ now, factor, name: pipelineName ?? null });
    }
  }

  // ---- transitions and fault injection ----------------------------------------------------

  getTransition(
    pipelineName: string,
    stageName: string,
    transitionType: "Inbound" | "Outbound",
  ): TransitionRecord | undefined {
    const row = this.stmt(
      `SELECT * FROM exec_transitions WHERE pipeline_name = ? AND stage_name = ? AND transition_type = ?`,
    ).get(pipelineName, stageName, transitionType) as Row | undefined;
    if (!row) return undefined;
    return {
      pipelineName: String(row.pipeline_name),
      stageName: String(row.stage_name),
      transitionType: row.transition_type as "Inbound" | "Outbound",
      enabled: row.enabled === 1,
      disabledReason: opt(row.disabled_reason),
      lastChangedBy: opt(row.last_changed_by),
      lastChangedMs: Number(row.last_changed_ms),
    };
  }

  setTransition(record: TransitionRecord): void {
    this.stmt(
      `INSERT INTO exec_transitions (pipeline_name, stage_name, transition_type, enabled, disabled_reason,
         last_changed_by, last_changed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pipeline_name, stage_name, transition_type) DO UPDATE SET enabled = excluded.enabled,
         disabled_reason = excluded.disabled_reason, last_changed_by = excluded.last_changed_by,
         last_changed_ms = excluded.last_changed_ms`,
    ).run(
      record.pipelineName,
      record.stageName,
      record.transitionType,
      record.enabled ? 1 : 0,
      record.disabledReason ?? null,
      record.lastChangedBy ?? null,
      record.lastChangedMs,
    );
  }

  addFailNext(pipelineName: string, stageName: string, actionName: string): void {
    this.stmt(`INSERT OR IGNORE INTO exec_fail_next (pipeline_name, stage_name, action_name) VALUES (?, ?, ?)`).run(
      pipelineName,
      stageName,
      actionName,
    );
  }

  /** True (once) when the action was told to fail on its next run. */
  consumeFailNext(pipelineName: string, stageName: string, actionName: string): boolean {
    const info = this.stmt(
      `DELETE FROM exec_fail_next WHERE pipeline_name = ? AND stage_name = ? AND action_name = ?`,
    ).run(pipelineName, stageName, actionName);
    return info.changes > 0;
  }

  // ---- lifecycle --------------------------------------------------------------------------

  deletePipeline(pipelineName: string): void {
    for (const table of EXECUTION_TABLES) {
      this.stmt(`DELETE FROM ${table} WHERE pipeline_name = ?`).run(pipelineName);
    }
  }

  deleteAll(): void {
    for (const table of [...EXECUTION_TABLES, ...GLOBAL_TABLES]) this.stmt(`DELETE FROM ${table}`).run();
  }

  // ---- stage conditions and rules (condition-store.ts keeps their SQL) -------------------

  /** Prepared statements are shared with the condition store. */
  statement(sql: string): Database.Statement {
    return this.stmt(sql);
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
