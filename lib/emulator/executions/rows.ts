/** Row ↔ record mapping for the engine's tables (snake_case columns, JSON text members). */
import type { ActionRecord, ConditionRecord, ExecutionRecord, ExecutionType, RuleRecord, StageRecord } from "./records";

export type Row = Record<string, unknown>;

export function opt(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function optNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function json<T>(value: unknown, fallback: T): T {
  if (typeof value !== "string") return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

export function executionRow(r: Omit<ExecutionRecord, "seq">): Row {
  return {
    id: r.id,
    pipeline_name: r.pipelineName,
    pipeline_version: r.pipelineVersion,
    status: r.status,
    status_summary: r.statusSummary ?? null,
    execution_mode: r.executionMode,
    execution_type: r.executionType,
    trigger_type: r.triggerType,
    trigger_detail: r.triggerDetail ?? null,
    stop_mode: r.stopMode ?? null,
    stop_reason: r.stopReason ?? null,
    cancel_requested: r.cancelRequested ? 1 : 0,
    rollback_target: r.rollbackTarget ?? null,
    client_request_token: r.clientRequestToken ?? null,
    request_fingerprint: r.requestFingerprint ?? null,
    stage_index: r.stageIndex,
    in_stage: r.inStage ? 1 : 0,
    last_stage_index: r.lastStageIndex ?? null,
    variables_json: JSON.stringify(r.variables),
    source_revisions_json: JSON.stringify(r.sourceRevisions),
    artifacts_json: JSON.stringify(r.artifacts),
    namespaces_json: JSON.stringify(r.namespaces),
    start_ms: r.startMs,
    updated_ms: r.updatedMs,
  };
}

export function toExecution(row: Row): ExecutionRecord {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    pipelineName: String(row.pipeline_name),
    pipelineVersion: Number(row.pipeline_version),
    status: row.status as ExecutionRecord["status"],
    statusSummary: opt(row.status_summary),
    executionMode: row.execution_mode as ExecutionRecord["executionMode"],
    executionType: row.execution_type as ExecutionType,
    triggerType: String(row.trigger_type),
    triggerDetail: opt(row.trigger_detail),
    stopMode: opt(row.stop_mode) as ExecutionRecord["stopMode"],
    stopReason: opt(row.stop_reason),
    cancelRequested: row.cancel_requested === 1,
    rollbackTarget: opt(row.rollback_target),
    clientRequestToken: opt(row.client_request_token),
    requestFingerprint: opt(row.request_fingerprint),
    stageIndex: Number(row.stage_index),
    inStage: row.in_stage === 1,
    lastStageIndex: optNumber(row.last_stage_index),
    variables: json(row.variables_json, []),
    sourceRevisions: json(row.source_revisions_json, []),
    artifacts: json(row.artifacts_json, {}),
    namespaces: json(row.namespaces_json, {}),
    startMs: Number(row.start_ms),
    updatedMs: Number(row.updated_ms),
  };
}

export function toStage(row: Row): StageRecord {
  return {
    executionId: String(row.execution_id),
    pipelineName: String(row.pipeline_name),
    stageName: String(row.stage_name),
    entrySeq: Number(row.entry_seq),
    status: row.status as StageRecord["status"],
    attempt: Number(row.attempt),
    baselineAttempt: Number(row.baseline_attempt),
    runOrder: optNumber(row.run_order),
    manualRetries: Number(row.manual_retries),
    autoRetries: Number(row.auto_retries ?? 0),
    latestRetryTrigger: opt(row.latest_retry_trigger),
    conditionPhase: opt(row.condition_phase) as StageRecord["conditionPhase"],
    startMs: Number(row.start_ms),
    updatedMs: Number(row.updated_ms),
  };
}

export function actionRow(r: Omit<ActionRecord, "seq">): Row {
  return {
    id: r.id,
    execution_id: r.executionId,
    pipeline_name: r.pipelineName,
    pipeline_version: r.pipelineVersion,
    stage_name: r.stageName,
    action_name: r.actionName,
    attempt: r.attempt,
    status: r.status,
    outcome: r.outcome,
    start_ms: r.startMs,
    updated_ms: r.updatedMs,
    due_ms: r.dueMs ?? null,
    token: r.token ?? null,
    updated_by: r.updatedBy ?? null,
    summary: r.summary ?? null,
    external_id: r.externalId ?? null,
    external_url: r.externalUrl ?? null,
    error_json: r.errorDetails ? JSON.stringify(r.errorDetails) : null,
    input_json: JSON.stringify(r.input),
    output_json: r.output ? JSON.stringify(r.output) : null,
  };
}

export function toAction(row: Row): ActionRecord {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    executionId: String(row.execution_id),
    pipelineName: String(row.pipeline_name),
    pipelineVersion: Number(row.pipeline_version),
    stageName: String(row.stage_name),
    actionName: String(row.action_name),
    attempt: Number(row.attempt),
    status: row.status as ActionRecord["status"],
    outcome: row.outcome as ActionRecord["outcome"],
    startMs: Number(row.start_ms),
    updatedMs: Number(row.updated_ms),
    dueMs: optNumber(row.due_ms),
    token: opt(row.token),
    updatedBy: opt(row.updated_by),
    summary: opt(row.summary),
    externalId: opt(row.external_id),
    externalUrl: opt(row.external_url),
    errorDetails: json(row.error_json, undefined),
    input: json(row.input_json, {}),
    output: json(row.output_json, undefined),
  };
}

export function toCondition(row: Row): ConditionRecord {
  return {
    executionId: String(row.execution_id),
    pipelineName: String(row.pipeline_name),
    stageName: String(row.stage_name),
    conditionType: row.condition_type as ConditionRecord["conditionType"],
    status: row.status as ConditionRecord["status"],
    summary: opt(row.summary),
    evaluation: Number(row.evaluation),
    updatedMs: Number(row.updated_ms),
  };
}

export function ruleRow(r: Omit<RuleRecord, "seq">): Row {
  return {
    id: r.id,
    execution_id: r.executionId,
    pipeline_name: r.pipelineName,
    pipeline_version: r.pipelineVersion,
    stage_name: r.stageName,
    condition_type: r.conditionType,
    evaluation: r.evaluation,
    rule_name: r.ruleName,
    status: r.status,
    forced_failure: r.forcedFailure ? 1 : 0,
    start_ms: r.startMs,
    updated_ms: r.updatedMs,
    due_ms: r.dueMs ?? null,
    summary: r.summary ?? null,
    external_id: r.externalId ?? null,
    external_url: r.externalUrl ?? null,
    error_json: r.errorDetails ? JSON.stringify(r.errorDetails) : null,
    input_json: JSON.stringify(r.input),
  };
}

export function toRule(row: Row): RuleRecord {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    executionId: String(row.execution_id),
    pipelineName: String(row.pipeline_name),
    pipelineVersion: Number(row.pipeline_version),
    stageName: String(row.stage_name),
    conditionType: row.condition_type as RuleRecord["conditionType"],
    evaluation: Number(row.evaluation),
    ruleName: String(row.rule_name),
    status: row.status as RuleRecord["status"],
    forcedFailure: row.forced_failure === 1,
    startMs: Number(row.start_ms),
    updatedMs: Number(row.updated_ms),
    dueMs: optNumber(row.due_ms),
    summary: opt(row.summary),
    externalId: opt(row.external_id),
    externalUrl: opt(row.external_url),
    errorDetails: json(row.error_json, undefined),
    input: json(row.input_json, {}),
  };
}
