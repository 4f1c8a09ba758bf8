/**
 * What the app shows about pipelines and their executions, independent of the AWS SDK's shapes.
 * The gateway (lib/aws) builds these from service responses. Timestamps are ISO-8601 strings so
 * the values cross the server/client boundary unchanged; optional members are absent, not null.
 */
import type { PipelineDeclaration } from "../pipeline/declaration";
import type { ActionExecutionStatus, ConditionExecutionStatus, PipelineExecutionStatus, RuleExecutionStatus, StageExecutionStatus } from "./status";

export type PipelineType = "V1" | "V2";
export type ExecutionMode = "SUPERSEDED" | "QUEUED" | "PARALLEL";
export type ExecutionType = "STANDARD" | "ROLLBACK";
/** ISO-8601, e.g. "2025-01-31T12:00:00.000Z". */
export type Timestamp = string;

/** One row of ListPipelines. */
export interface PipelineSummary {
  readonly name: string;
  /** The service's value; a pipeline created before V2 existed may have none (it is V1). */
  readonly pipelineType: PipelineType;
  readonly executionMode: ExecutionMode;
  readonly version: number;
  readonly created?: Timestamp;
  readonly updated?: Timestamp;
}

export interface PipelineMetadata {
  readonly pipelineArn?: string;
  readonly created?: Timestamp;
  readonly updated?: Timestamp;
  readonly pollingDisabledAt?: Timestamp;
}

/** GetPipeline: the declaration (with `version`), its metadata, and the version on its own. */
export interface PipelineDetail {
  readonly declaration: PipelineDeclaration;
  readonly metadata: PipelineMetadata;
  readonly version: number;
}

export interface SourceRevisionView {
  readonly actionName: string;
  readonly revisionId?: string;
  readonly revisionSummary?: string;
  readonly revisionUrl?: string;
}

export interface ExecutionTrigger {
  readonly triggerType?: string;
  readonly triggerDetail?: string;
}

/** One row of ListPipelineExecutions. */
export interface PipelineExecutionSummary {
  readonly executionId: string;
  /** Absent only if the service sent a status this version of Pipewright does not know. */
  readonly status?: PipelineExecutionStatus;
  readonly statusSummary?: string;
  readonly startTime?: Timestamp;
  readonly lastUpdateTime?: Timestamp;
  readonly sourceRevisions: readonly SourceRevisionView[];
  readonly trigger?: ExecutionTrigger;
  readonly stopReason?: string;
  readonly executionMode?: ExecutionMode;
  readonly executionType?: ExecutionType;
  readonly rollbackTargetExecutionId?: string;
}

export interface ArtifactRevisionView {
  readonly name?: string;
  readonly revisionId?: string;
  readonly revisionChangeIdentifier?: string;
  readonly revisionSummary?: string;
  readonly created?: Timestamp;
  readonly revisionUrl?: string;
}

/** GetPipelineExecution. */
export interface PipelineExecutionDetail {
  readonly pipelineName: string;
  readonly pipelineVersion?: number;
  readonly executionId: string;
  readonly status?: PipelineExecutionStatus;
  readonly statusSummary?: string;
  readonly artifactRevisions: readonly ArtifactRevisionView[];
  readonly variables: ReadonlyArray<{ readonly name: string; readonly resolvedValue: string }>;
  readonly trigger?: ExecutionTrigger;
  readonly executionMode?: ExecutionMode;
  readonly executionType?: ExecutionType;
  readonly rollbackTargetExecutionId?: string;
}

export interface ErrorDetailsView {
  readonly code?: string;
  readonly message?: string;
}

// --- GetPipelineState: the board ---------------------------------------------------------------

export interface TransitionView {
  readonly enabled: boolean;
  readonly lastChangedBy?: string;
  readonly lastChangedAt?: Timestamp;
  readonly disabledReason?: string;
}

export interface StageExecutionRef {
  readonly executionId: string;
  readonly status?: StageExecutionStatus;
  readonly type?: ExecutionType;
}

export interface ActionRunView {
  readonly actionExecutionId?: string;
  readonly status?: ActionExecutionStatus;
  readonly summary?: string;
  readonly lastStatusChange?: Timestamp;
  /** Present while a manual approval waits: PutApprovalResult needs it. */
  readonly token?: string;
  readonly lastUpdatedBy?: string;
  readonly externalExecutionId?: string;
  readonly externalExecutionUrl?: string;
  readonly percentComplete?: number;
  readonly errorDetails?: ErrorDetailsView;
}

export interface ActionStateView {
  readonly actionName: string;
  readonly currentRevision?: { readonly revisionId: string; readonly revisionChangeId?: string; readonly created?: Timestamp };
  readonly latestExecution?: ActionRunView;
  readonly entityUrl?: string;
  readonly revisionUrl?: string;
}

/** A rule of a stage condition and its latest run (GetPipelineState's RuleState). */
export interface RuleStateView {
  readonly ruleName: string;
  readonly status?: RuleExecutionStatus;
  readonly summary?: string;
  readonly lastStatusChange?: Timestamp;
  readonly externalExecutionUrl?: string;
  readonly errorDetails?: ErrorDetailsView;
}

/** One condition of a stage and its rules (ConditionState). */
export interface ConditionStateView {
  readonly status?: ConditionExecutionStatus;
  readonly summary?: string;
  readonly lastStatusChange?: Timestamp;
  readonly rules: readonly RuleStateView[];
}

/** Where a stage evaluates conditions (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html). */
export type ConditionKind = "beforeEntry" | "onSuccess" | "onFailure";

/** The conditions of one kind on a stage (StageConditionState). */
export interface StageConditionStateView {
  readonly status?: ConditionExecutionStatus;
  readonly summary?: string;
  readonly conditions: readonly ConditionStateView[];
}

/** A stage's retries in its latest execution (RetryStageMetadata). */
export interface RetryStageMetadataView {
  readonly autoStageRetryAttempt?: number;
  readonly manualStageRetryAttempt?: number;
  readonly latestRetryTrigger?: "AutomatedStageRetry" | "ManualStageRetry";
}

export interface StageStateView {
  readonly stageName: string;
  readonly inboundTransition: TransitionView;
  readonly beforeEntry?: StageConditionStateView;
  readonly onSuccess?: StageConditionStateView;
  readonly onFailure?: StageConditionStateView;
  readonly retryStageMetadata?: RetryStageMetadataView;
  /** Executions held before this stage by a disabled transition (the single and the list form merged). */
  readonly inboundExecutions: readonly StageExecutionRef[];
  readonly latestExecution?: StageExecutionRef;
  readonly actions: readonly ActionStateView[];
}

export interface PipelineStateView {
  readonly pipelineName: string;
  readonly pipelineVersion?: number;
  readonly created?: Timestamp;
  readonly updated?: Timestamp;
  readonly stages: readonly StageStateView[];
}

// --- ListActionExecutions -----------------------------------------------------------------------

export interface ActionExecutionView {
  readonly executionId: string;
  readonly actionExecutionId?: string;
  readonly pipelineVersion?: number;
  readonly stageName: string;
  readonly actionName: string;
  readonly startTime?: Timestamp;
  readonly lastUpdateTime?: Timestamp;
  readonly updatedBy?: string;
  readonly status?: ActionExecutionStatus;
  readonly input: {
    readonly actionTypeId?: { readonly category: string; readonly owner: string; readonly provider: string; readonly version: string };
    readonly configuration: Readonly<Record<string, string>>;
    readonly resolvedConfiguration: Readonly<Record<string, string>>;
    readonly region?: string;
    readonly namespace?: string;
    readonly inputArtifacts: readonly string[];
  };
  readonly output: {
    readonly outputArtifacts: readonly string[];
    readonly externalExecutionId?: string;
    readonly externalExecutionSummary?: string;
    readonly externalExecutionUrl?: string;
    readonly errorDetails?: ErrorDetailsView;
    readonly outputVariables: Readonly<Record<string, string>>;
  };
}
