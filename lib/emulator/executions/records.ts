/** The engine's persisted records, as the runner and the views see them (camelCase, ms times). */
import type { JsonObject } from "../contract";

export type PipelineExecutionStatus =
  | "InProgress"
  | "Stopping"
  | "Stopped"
  | "Succeeded"
  | "Superseded"
  | "Failed"
  | "Cancelled";
export type StageExecutionStatus = "InProgress" | "Stopping" | "Stopped" | "Succeeded" | "Failed" | "Cancelled" | "Skipped";
export type ActionExecutionStatus = "InProgress" | "Succeeded" | "Failed" | "Abandoned";
export type ExecutionMode = "SUPERSEDED" | "QUEUED" | "PARALLEL";
export type ExecutionType = "STANDARD" | "ROLLBACK";
/** What an action will do when its simulated time is up (decided when it starts). */
export type ActionOutcome = "succeed" | "fail" | "approval" | "unresolved";
export type StopMode = "wait" | "abandon";

export const ACTIVE_STATUSES: readonly PipelineExecutionStatus[] = ["InProgress", "Stopping"];

export function isActive(status: PipelineExecutionStatus): boolean {
  return status === "InProgress" || status === "Stopping";
}

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

export interface ErrorDetails {
  readonly code: string;
  readonly message: string;
}

/** The revision a source action delivers in one execution (decided when the execution starts). */
export interface SourceRevision {
  readonly actionName: string;
  readonly artifactName?: string;
  readonly revisionId: string;
  readonly revisionChangeId: string;
  readonly revisionSummary: string;
  readonly revisionUrl?: string;
  readonly created: number;
  readonly outputVariables: Readonly<Record<string, string>>;
}

export interface ResolvedVariable {
  readonly name: string;
  readonly resolvedValue: string;
}

export interface ExecutionRecord {
  seq: number;
  readonly id: string;
  readonly pipelineName: string;
  readonly pipelineVersion: number;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  readonly executionMode: ExecutionMode;
  readonly executionType: ExecutionType;
  readonly triggerType: string;
  readonly triggerDetail?: string;
  stopMode?: StopMode;
  stopReason?: string;
  cancelRequested: boolean;
  readonly rollbackTarget?: string;
  readonly clientRequestToken?: string;
  readonly requestFingerprint?: string;
  /** The stage the execution is running in (inStage) or waiting to enter (not inStage). */
  stageIndex: number;
  inStage: boolean;
  /** Rollback executions run one stage only; undefined = run to the last stage. */
  readonly lastStageIndex?: number;
  readonly variables: readonly ResolvedVariable[];
  readonly sourceRevisions: readonly SourceRevision[];
  /** Where each artifact produced so far lives. */
  artifacts: Record<string, S3Location>;
  /** Output variables of completed actions that declare a namespace. */
  namespaces: Record<string, Record<string, string>>;
  readonly startMs: number;
  updatedMs: number;
}

export interface StageRecord {
  readonly executionId: string;
  readonly pipelineName: string;
  readonly stageName: string;
  /** Orders the executions that entered this stage: the highest is the stage's latest execution. */
  entrySeq: number;
  status: StageExecutionStatus;
  /** Bumped by each retry; action executions carry the attempt they ran in. */
  attempt: number;
  /** Actions' results count from this attempt on (ALL_ACTIONS retries reset it). */
  baselineAttempt: number;
  /** The runOrder group being run; undefined before the first group starts. */
  runOrder?: number;
  manualRetries: number;
  /** Retries started by an `onFailure: RETRY` stage (AutomatedStageRetry). */
  autoRetries: number;
  latestRetryTrigger?: string;
  /** The stage condition being evaluated right now, if any. */
  conditionPhase?: ConditionType;
  startMs: number;
  updatedMs: number;
}

export interface ActionOutput {
  readonly outputArtifacts: ReadonlyArray<{ name: string; s3location: S3Location }>;
  readonly outputVariables: Readonly<Record<string, string>>;
}

export interface ActionRecord {
  seq: number;
  readonly id: string;
  readonly executionId: string;
  readonly pipelineName: string;
  readonly pipelineVersion: number;
  readonly stageName: string;
  readonly actionName: string;
  readonly attempt: number;
  status: ActionExecutionStatus;
  readonly outcome: ActionOutcome;
  readonly startMs: number;
  updatedMs: number;
  /** When the simulated work ends (approvals: when they time out). Real epoch ms. */
  dueMs?: number;
  readonly token?: string;
  updatedBy?: string;
  summary?: string;
  externalId?: string;
  externalUrl?: string;
  errorDetails?: ErrorDetails;
  /** ListActionExecutions `input`, fixed when the action starts. */
  readonly input: JsonObject;
  output?: ActionOutput;
}

/** Which stage condition: OverrideStageCondition's ConditionType, plus the failure condition. */
export type ConditionType = "BEFORE_ENTRY" | "ON_SUCCESS" | "ON_FAILURE";
export type ConditionExecutionStatus = "InProgress" | "Failed" | "Errored" | "Succeeded" | "Cancelled" | "Abandoned" | "Overridden";
export type RuleExecutionStatus = "InProgress" | "Abandoned" | "Succeeded" | "Failed";

/** One evaluation of one stage condition in one execution (the latest per type is kept). */
export interface ConditionRecord {
  readonly executionId: string;
  readonly pipelineName: string;
  readonly stageName: string;
  readonly conditionType: ConditionType;
  status: ConditionExecutionStatus;
  summary?: string;
  /** Counts the evaluations of this condition in this execution; rule runs carry it. */
  readonly evaluation: number;
  updatedMs: number;
}

export interface RuleRecord {
  seq: number;
  readonly id: string;
  readonly executionId: string;
  readonly pipelineName: string;
  readonly pipelineVersion: number;
  readonly stageName: string;
  readonly conditionType: ConditionType;
  readonly evaluation: number;
  readonly ruleName: string;
  status: RuleExecutionStatus;
  /** The control API told this rule to fail (LambdaInvoke, Commands, CodeBuild). */
  readonly forcedFailure: boolean;
  readonly startMs: number;
  updatedMs: number;
  /** When the evaluation ends (CloudWatchAlarm: the end of its wait). Real epoch ms. */
  dueMs?: number;
  summary?: string;
  externalId?: string;
  externalUrl?: string;
  errorDetails?: ErrorDetails;
  /** ListRuleExecutions `input`, fixed when the rule starts. */
  readonly input: JsonObject;
}
