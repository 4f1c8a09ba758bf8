/**
 * Closed unions of CodePipeline's execution statuses (the "Valid Values" of the data types in
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Types.html) and what the
 * views need to know about them. Values are case-sensitive exactly as the API sends them.
 */

export const PIPELINE_EXECUTION_STATUSES = [
  "Cancelled",
  "InProgress",
  "Stopped",
  "Stopping",
  "Succeeded",
  "Superseded",
  "Failed",
] as const;
export type PipelineExecutionStatus = (typeof PIPELINE_EXECUTION_STATUSES)[number];

export const STAGE_EXECUTION_STATUSES = [
  "Cancelled",
  "InProgress",
  "Failed",
  "Stopped",
  "Stopping",
  "Succeeded",
  "Skipped",
] as const;
export type StageExecutionStatus = (typeof STAGE_EXECUTION_STATUSES)[number];

export const ACTION_EXECUTION_STATUSES = ["InProgress", "Abandoned", "Succeeded", "Failed"] as const;
export type ActionExecutionStatus = (typeof ACTION_EXECUTION_STATUSES)[number];

/** A stage condition's result (ConditionExecution and StageConditionsExecution). */
export const CONDITION_EXECUTION_STATUSES = ["InProgress", "Failed", "Errored", "Succeeded", "Cancelled", "Abandoned", "Overridden"] as const;
export type ConditionExecutionStatus = (typeof CONDITION_EXECUTION_STATUSES)[number];

/** A condition rule's result (RuleExecution). */
export const RULE_EXECUTION_STATUSES = ["InProgress", "Abandoned", "Succeeded", "Failed"] as const;
export type RuleExecutionStatus = (typeof RULE_EXECUTION_STATUSES)[number];

export type ExecutionStatus = PipelineExecutionStatus | StageExecutionStatus | ActionExecutionStatus | ConditionExecutionStatus;

/**
 * Statuses that change no more on their own. `Stopped` and `Failed` are terminal even though a
 * stage retry can start that execution again: nothing happens until someone asks.
 */
const TERMINAL: ReadonlySet<ExecutionStatus> = new Set<ExecutionStatus>([
  "Cancelled",
  "Stopped",
  "Succeeded",
  "Superseded",
  "Failed",
  "Skipped",
  "Abandoned",
  "Errored",
  "Overridden",
]);

/** True when the execution, stage run or action run will not change status without a user action. */
export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL.has(status);
}

function parser<T extends string>(values: readonly T[]) {
  const known = new Set<string>(values);
  return (value: string | undefined): T | undefined =>
    value !== undefined && known.has(value) ? (value as T) : undefined;
}

/** The status if the service sent a known value; `undefined` for a missing or newer value. */
export const toPipelineExecutionStatus = parser(PIPELINE_EXECUTION_STATUSES);
export const toStageExecutionStatus = parser(STAGE_EXECUTION_STATUSES);
export const toActionExecutionStatus = parser(ACTION_EXECUTION_STATUSES);
export const toConditionExecutionStatus = parser(CONDITION_EXECUTION_STATUSES);
export const toRuleExecutionStatus = parser(RULE_EXECUTION_STATUSES);

/** How a status reads at a glance; the UI picks colours from this, never from the raw value. */
export type StatusTone = "success" | "failure" | "progress" | "attention" | "neutral";

const TONES: Record<ExecutionStatus, StatusTone> = {
  Succeeded: "success",
  Failed: "failure",
  InProgress: "progress",
  Stopping: "attention",
  Stopped: "attention",
  Superseded: "neutral",
  Cancelled: "neutral",
  Skipped: "neutral",
  Abandoned: "neutral",
  Errored: "failure",
  Overridden: "attention",
};

export function statusTone(status: ExecutionStatus): StatusTone {
  return TONES[status];
}

/** "InProgress" reads as "In progress" in the UI. */
export function statusLabel(status: ExecutionStatus): string {
  return status === "InProgress" ? "In progress" : status;
}
