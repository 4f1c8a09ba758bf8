/**
 * What the execution detail page shows and polls (`/pipelines/[name]/executions/[id]`): the
 * execution (GetPipelineExecution), its action runs (ListActionExecutions, configuration with
 * secrets masked), the deployed pipeline's stages and, from GetPipelineState, what the operations
 * need — transitions, the approvals waiting in this execution, and where this execution is the
 * stage's latest. Plain JSON: it crosses the server/client boundary.
 */
import type { JsonObject } from "../json";
import type { DeployTargetsRead } from "./deploy-targets";
import type { StartChoices } from "./start-choices";
import type { StageExecutionStatus } from "./status";
import type { ActionExecutionView, ConditionKind, ExecutionMode, PipelineExecutionDetail, PipelineType, RetryStageMetadataView, StageConditionStateView, TransitionView } from "./view-model";

export interface DetailAction {
  readonly name: string;
  readonly category: string;
  readonly provider: string;
  readonly runOrder: number;
}

export interface DetailStage {
  readonly name: string;
  readonly actions: readonly DetailAction[];
  readonly inbound?: TransitionView;
  /** The stage's status in this execution when GetPipelineState shows this execution as its latest. */
  readonly latestStatus?: StageExecutionStatus;
  /** Whether this execution is the stage's latest (only then can it be retried there). */
  readonly isLatest: boolean;
  /** The stage's retries (RetryStageMetadata), when this execution is its latest. */
  readonly retries?: RetryStageMetadataView;
  /** The stage's conditions as they stand, when this execution is its latest. */
  readonly conditions?: Readonly<Partial<Record<ConditionKind, StageConditionStateView>>>;
  /** The declared stage's conditions (its beforeEntry, onSuccess and onFailure members), to read the states against. */
  readonly declaredConditions?: JsonObject;
}

export interface WaitingApproval {
  readonly stageName: string;
  readonly actionName: string;
  readonly token: string;
}

/** One execution as read from CodePipeline: what the read cache keeps and the route's ETag covers. */
export interface ExecutionDetail {
  readonly pipelineName: string;
  readonly execution: PipelineExecutionDetail;
  readonly actions: readonly ActionExecutionView[];
  readonly stages: readonly DetailStage[];
  readonly pipelineType: PipelineType;
  readonly executionMode: ExecutionMode;
  /** The pipeline's version now (rollback targets must have run on it). */
  readonly pipelineVersion: number;
  readonly waitingApprovals: readonly WaitingApproval[];
  /** Per action execution id of an EC2 or Lambda deploy run: its targets (ListDeployActionExecutionTargets). */
  readonly deployTargets: Readonly<Record<string, DeployTargetsRead>>;
  /** What a new execution may override: declared variables (V2) and source revisions. */
  readonly start: StartChoices;
  /** Whether the execution may still change on its own (poll every few seconds). */
  readonly active: boolean;
}

/** The detail as the page holds it: when the server read it, and the ETag to poll with. */
export interface ExecutionDetailSnapshot extends ExecutionDetail {
  /** Epoch ms when the server read it from CodePipeline. */
  readonly fetchedAt: number;
  /** The detail route's strong ETag of the content (absent before the first poll). */
  readonly etag?: string;
}
