/**
 * The live state page's model: what GetPipelineState, the newest executions
 * (ListPipelineExecutions) and the newest action runs (ListActionExecutions) say together about
 * each stage and action right now. GetPipelineState alone has no start times and no source
 * revisions (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineState.html),
 * so the stages' executions and the actions' runs are looked up in the other two reads.
 *
 * `boardPayload` keeps only what the page shows (it crosses the wire on every changed poll);
 * `boardView` turns a payload into rows the canvas and the table both render.
 */
import { isTerminal, type ActionExecutionStatus, type PipelineExecutionStatus, type StageExecutionStatus } from "./status";
import type {
  ActionExecutionView,
  ConditionKind,
  ErrorDetailsView,
  PipelineExecutionSummary,
  PipelineStateView,
  RetryStageMetadataView,
  SourceRevisionView,
  StageConditionStateView,
  StageExecutionRef,
  Timestamp,
  TransitionView,
} from "./view-model";

/** When an action run started and last changed (ListActionExecutions), matched to GetPipelineState's runs. */
export interface ActionRunTiming {
  readonly executionId: string;
  readonly actionExecutionId?: string;
  readonly stageName: string;
  readonly actionName: string;
  readonly startTime?: Timestamp;
  readonly lastUpdateTime?: Timestamp;
  /** Kept for the runs of executions in flight, which a PARALLEL board draws one at a time (parallel-runs.ts). */
  readonly status?: ActionExecutionStatus;
  readonly errorDetails?: ErrorDetailsView;
  readonly externalExecutionUrl?: string;
}

/** What the state route answers: the state, with the executions and action runs it refers to. */
export interface BoardPayload {
  readonly state: PipelineStateView;
  /** The newest execution first, then every other execution a stage refers to. */
  readonly executions: readonly PipelineExecutionSummary[];
  readonly actionRuns: readonly ActionRunTiming[];
}

const IN_FLIGHT: ReadonlySet<PipelineExecutionStatus> = new Set(["InProgress", "Stopping"]);

/** An execution that is still running (or stopping): a PARALLEL pipeline may have several. */
export function isInFlight(execution: PipelineExecutionSummary): boolean {
  return execution.status !== undefined && IN_FLIGHT.has(execution.status);
}

/**
 * Only the executions and runs the state refers to, plus the newest execution and every execution
 * in flight with its runs (a PARALLEL pipeline's board shows one of those at a time), so an
 * unchanged board hashes the same.
 */
export function boardPayload(
  state: PipelineStateView,
  recentExecutions: readonly PipelineExecutionSummary[],
  recentActionRuns: readonly ActionExecutionView[],
): BoardPayload {
  const wanted = new Set<string>();
  for (const stage of state.stages) {
    if (stage.latestExecution) wanted.add(stage.latestExecution.executionId);
    for (const held of stage.inboundExecutions) wanted.add(held.executionId);
  }
  const executions = recentExecutions.filter((e, i) => i === 0 || wanted.has(e.executionId) || isInFlight(e));
  const drawable = new Set(executions.filter((e, i) => i === 0 || isInFlight(e)).map((e) => e.executionId));
  const runIds = new Set<string>();
  for (const stage of state.stages) {
    for (const action of stage.actions) {
      const id = action.latestExecution?.actionExecutionId;
      if (id) runIds.add(id);
    }
  }
  const actionRuns = recentActionRuns
    .filter((run) => (run.actionExecutionId !== undefined && runIds.has(run.actionExecutionId)) || drawable.has(run.executionId))
    .map(({ executionId, actionExecutionId, stageName, actionName, startTime, lastUpdateTime, status, output }) => ({
      executionId,
      stageName,
      actionName,
      ...(actionExecutionId !== undefined && { actionExecutionId }),
      ...(startTime !== undefined && { startTime }),
      ...(lastUpdateTime !== undefined && { lastUpdateTime }),
      ...(drawable.has(executionId) && status !== undefined && { status }),
      ...(drawable.has(executionId) && output.errorDetails !== undefined && { errorDetails: output.errorDetails }),
      ...(drawable.has(executionId) && output.externalExecutionUrl !== undefined && { externalExecutionUrl: output.externalExecutionUrl }),
    }));
  return { state, executions, actionRuns };
}

/** An action of a skipped stage reads "Skipped": it did not run in that execution. */
export type ActionBoardStatus = ActionExecutionStatus | "Skipped";

export interface ActionBoard {
  readonly stageName: string;
  readonly actionName: string;
  readonly status?: ActionBoardStatus;
  /** The pipeline execution the run belongs to (the stage's latest). */
  readonly executionId?: string;
  readonly actionExecutionId?: string;
  readonly startTime?: Timestamp;
  /** When it finished (absent while it runs). */
  readonly endTime?: Timestamp;
  readonly summary?: string;
  readonly errorDetails?: ErrorDetailsView;
  readonly externalExecutionId?: string;
  readonly externalExecutionUrl?: string;
  readonly lastUpdatedBy?: string;
  readonly percentComplete?: number;
  /** A manual approval waiting for an answer: PutApprovalResult's token. */
  readonly approvalToken?: string;
  readonly entityUrl?: string;
  readonly revisionUrl?: string;
  readonly currentRevisionId?: string;
}

export interface StageBoard {
  readonly stageName: string;
  readonly status?: StageExecutionStatus;
  readonly executionId?: string;
  readonly executionType?: StageExecutionRef["type"];
  readonly inboundTransition: TransitionView;
  /** The stage's conditions as GetPipelineState reports them (absent when it has none of that kind). */
  readonly conditions: Readonly<Partial<Record<ConditionKind, StageConditionStateView>>>;
  readonly retries?: RetryStageMetadataView;
  /** Executions waiting before this stage (its inbound transition is disabled). */
  readonly heldExecutions: readonly StageExecutionRef[];
  /** The source revisions of the execution now (or last) in this stage. */
  readonly revisions: readonly SourceRevisionView[];
  readonly actions: readonly ActionBoard[];
}

export interface BoardView {
  readonly pipelineName: string;
  readonly pipelineVersion?: number;
  readonly stages: readonly StageBoard[];
  /** The newest execution of the pipeline, if it ever ran. */
  readonly latestExecution?: PipelineExecutionSummary;
  /** Something is running or about to change by itself: poll often. */
  readonly active: boolean;
}

const runKey = (stage: string, action: string, id: string | undefined) => `${stage}\u0000${action}\u0000${id ?? ""}`;

export function boardView(payload: BoardPayload): BoardView {
  const { state } = payload;
  const executions = new Map(payload.executions.map((e) => [e.executionId, e]));
  const runs = new Map(payload.actionRuns.map((r) => [runKey(r.stageName, r.actionName, r.actionExecutionId), r]));
  const stages = state.stages.map((stage): StageBoard => {
    const executionId = stage.latestExecution?.executionId;
    // A skipped stage ran none of its actions in that execution: what GetPipelineState still shows
    // of them is an earlier execution's run (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html).
    const skipped = stage.latestExecution?.status === "Skipped";
    const actions = stage.actions.map((action): ActionBoard => {
      if (skipped) return { stageName: stage.stageName, actionName: action.actionName, status: "Skipped", ...(executionId !== undefined && { executionId }) };
      const run = action.latestExecution;
      const timing = run?.actionExecutionId ? runs.get(runKey(stage.stageName, action.actionName, run.actionExecutionId)) : undefined;
      const finished = run?.status !== undefined && isTerminal(run.status);
      const endTime = finished ? (timing?.lastUpdateTime ?? run?.lastStatusChange) : undefined;
      return {
        stageName: stage.stageName,
        actionName: action.actionName,
        ...(run?.status !== undefined && { status: run.status }),
        ...((timing?.executionId ?? executionId) !== undefined && { executionId: timing?.executionId ?? executionId }),
        ...(run?.actionExecutionId !== undefined && { actionExecutionId: run.actionExecutionId }),
        ...(timing?.startTime !== undefined && { startTime: timing.startTime }),
        ...(endTime !== undefined && { endTime }),
        ...(run?.summary !== undefined && { summary: run.summary }),
        ...(run?.errorDetails !== undefined && { errorDetails: run.errorDetails }),
        ...(run?.externalExecutionId !== undefined && { externalExecutionId: run.externalExecutionId }),
        ...(run?.externalExecutionUrl !== undefined && { externalExecutionUrl: run.externalExecutionUrl }),
        ...(run?.lastUpdatedBy !== undefined && { lastUpdatedBy: run.lastUpdatedBy }),
        ...(run?.percentComplete !== undefined && { percentComplete: run.percentComplete }),
        ...(run?.token !== undefined && run.status === "InProgress" && { approvalToken: run.token }),
        ...(action.entityUrl !== undefined && { entityUrl: action.entityUrl }),
        ...(action.revisionUrl !== undefined && { revisionUrl: action.revisionUrl }),
        ...(action.currentRevision?.revisionId !== undefined && { currentRevisionId: action.currentRevision.revisionId }),
      };
    });
    return {
      stageName: stage.stageName,
      ...(stage.latestExecution?.status !== undefined && { status: stage.latestExecution.status }),
      ...(executionId !== undefined && { executionId }),
      ...(stage.latestExecution?.type !== undefined && { executionType: stage.latestExecution.type }),
      inboundTransition: stage.inboundTransition,
      conditions: {
        ...(stage.beforeEntry && { beforeEntry: stage.beforeEntry }),
        ...(stage.onSuccess && { onSuccess: stage.onSuccess }),
        ...(stage.onFailure && { onFailure: stage.onFailure }),
      },
      ...(stage.retryStageMetadata && { retries: stage.retryStageMetadata }),
      heldExecutions: stage.inboundExecutions,
      revisions: (executionId && executions.get(executionId)?.sourceRevisions) || [],
      actions,
    };
  });
  const latestExecution = payload.executions[0];
  const active =
    payload.executions.some(isInFlight) ||
    stages.some((s) => s.status === "InProgress" || s.status === "Stopping" || s.actions.some((a) => a.status === "InProgress"));
  return {
    pipelineName: state.pipelineName,
    ...(state.pipelineVersion !== undefined && { pipelineVersion: state.pipelineVersion }),
    stages,
    ...(latestExecution !== undefined && { latestExecution }),
    active,
  };
}

/** True while GetPipelineState shows anything running (the server's cache refreshes such a state sooner). */
export function stateIsActive(state: PipelineStateView): boolean {
  return state.stages.some(
    (s) =>
      s.latestExecution?.status === "InProgress" ||
      s.latestExecution?.status === "Stopping" ||
      s.actions.some((a) => a.latestExecution?.status === "InProgress"),
  );
}
