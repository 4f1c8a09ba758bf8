/**
 * The SQL of stage conditions: condition evaluations, rule runs, the simulated CloudWatch alarms
 * and rule failures injected by the control API. Shares the execution store's connection and
 * prepared statements, so it runs inside the same transactions.
 */
import type { ConditionRecord, ConditionType, RuleRecord } from "./records";
import { ruleRow, toCondition, toRule, type Row } from "./rows";
import type { ExecutionStore } from "./store";

export interface RulePageQuery {
  readonly pipelineName: string;
  readonly executionId?: string;
  readonly beforeSeq?: number;
  readonly limit: number;
}

export class ConditionStore {
  constructor(private readonly store: ExecutionStore) {}

  getCondition(executionId: string, stageName: string, type: ConditionType): ConditionRecord | undefined {
    const row = this.store
      .statement(`SELECT * FROM exec_stage_conditions WHERE execution_id = ? AND stage_name = ? AND condition_type = ?`)
      .get(executionId, stageName, type) as Row | undefined;
    return row ? toCondition(row) : undefined;
  }

  saveCondition(record: ConditionRecord): void {
    this.store
      .statement(
        `INSERT INTO exec_stage_conditions (execution_id, pipeline_name, stage_name, condition_type, status, summary,
           evaluation, updated_ms) VALUES (@execution_id, @pipeline_name, @stage_name, @condition_type, @status,
           @summary, @evaluation, @updated_ms)
         ON CONFLICT (execution_id, stage_name, condition_type) DO UPDATE SET status = excluded.status,
           summary = excluded.summary, evaluation = excluded.evaluation, updated_ms = excluded.updated_ms`,
      )
      .run({
        execution_id: record.executionId,
        pipeline_name: record.pipelineName,
        stage_name: record.stageName,
        condition_type: record.conditionType,
        status: record.status,
        summary: record.summary ?? null,
        evaluation: record.evaluation,
        updated_ms: record.updatedMs,
      });
  }

  insertRule(record: Omit<RuleRecord, "seq">): RuleRecord {
    const info = this.store
      .statement(
        `INSERT INTO exec_rule_executions (id, execution_id, pipeline_name, pipeline_version, stage_name,
           condition_type, evaluation, rule_name, status, forced_failure, start_ms, updated_ms, due_ms, summary,
           external_id, external_url, error_json, input_json)
         VALUES (@id, @execution_id, @pipeline_name, @pipeline_version, @stage_name, @condition_type, @evaluation,
           @rule_name, @status, @forced_failure, @start_ms, @updated_ms, @due_ms, @summary, @external_id,
           @external_url, @error_json, @input_json)`,
      )
      .run(ruleRow(record));
    return { ...record, seq: Number(info.lastInsertRowid) };
  }

  saveRule(record: RuleRecord): void {
    this.store
      .statement(
        `UPDATE exec_rule_executions SET status = @status, updated_ms = @updated_ms, due_ms = @due_ms,
           summary = @summary, external_id = @external_id, external_url = @external_url, error_json = @error_json
         WHERE id = @id`,
      )
      .run(ruleRow(record));
  }

  /** The rule runs of one evaluation of a condition, in declaration order. */
  rulesOf(executionId: string, stageName: string, type: ConditionType, evaluation: number): RuleRecord[] {
    return (
      this.store
        .statement(
          `SELECT * FROM exec_rule_executions WHERE execution_id = ? AND stage_name = ? AND condition_type = ?
           AND evaluation = ? ORDER BY seq`,
        )
        .all(executionId, stageName, type, evaluation) as Row[]
    ).map(toRule);
  }

  dueRules(now: number, pipelineName?: string): RuleRecord[] {
    return (
      this.store
        .statement(
          `SELECT * FROM exec_rule_executions WHERE status = 'InProgress' AND due_ms IS NOT NULL AND due_ms <= @now
           AND (@name IS NULL OR pipeline_name = @name) ORDER BY due_ms, seq`,
        )
        .all({ now, name: pipelineName ?? null }) as Row[]
    ).map(toRule);
  }

  pageRules(query: RulePageQuery): RuleRecord[] {
    return (
      this.store
        .statement(
          `SELECT * FROM exec_rule_executions WHERE pipeline_name = @name
           AND (@execution IS NULL OR execution_id = @execution) AND (@before IS NULL OR seq < @before)
           ORDER BY seq DESC LIMIT @limit`,
        )
        .all({
          name: query.pipelineName,
          execution: query.executionId ?? null,
          before: query.beforeSeq ?? null,
          limit: query.limit,
        }) as Row[]
    ).map(toRule);
  }

  // ---- control API --------------------------------------------------------------------------

  alarmState(alarmName: string): string | undefined {
    const row = this.store.statement(`SELECT state FROM exec_alarm_states WHERE alarm_name = ?`).get(alarmName) as Row | undefined;
    return row ? String(row.state) : undefined;
  }

  setAlarmState(alarmName: string, state: string, now: number): void {
    this.store
      .statement(
        `INSERT INTO exec_alarm_states (alarm_name, state, updated_ms) VALUES (?, ?, ?)
         ON CONFLICT (alarm_name) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms`,
      )
      .run(alarmName, state, now);
  }

  addRuleFailNext(pipelineName: string, stageName: string, ruleName: string): void {
    this.store
      .statement(`INSERT OR IGNORE INTO exec_rule_fail_next (pipeline_name, stage_name, rule_name) VALUES (?, ?, ?)`)
      .run(pipelineName, stageName, ruleName);
  }

  /** True (once) when the rule was told to fail on its next run. */
  consumeRuleFailNext(pipelineName: string, stageName: string, ruleName: string): boolean {
    const info = this.store
      .statement(`DELETE FROM exec_rule_fail_next WHERE pipeline_name = ? AND stage_name = ? AND rule_name = ?`)
      .run(pipelineName, stageName, ruleName);
    return info.changes > 0;
  }
}
