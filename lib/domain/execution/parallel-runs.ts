/**
 * A PARALLEL pipeline runs several executions at once, each through every stage on its own
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works.html#concepts-how-it-works-executions).
 * GetPipelineState then shows, per stage, whichever execution touched it last, so drawing it as it
 * comes mixes stages of different runs. The board instead draws one chosen execution: the stages
 * it is the latest of as GetPipelineState says, every other stage from that execution's own action
 * runs (ListActionExecutions).
 */
import { boardView, isInFlight, type ActionRunTiming, type BoardPayload, type BoardView } from "./board";
import type { PipelineExecutionStatus, StageExecutionStatus } from "./status";
import type { ActionStateView, PipelineExecutionSummary, StageStateView } from "./view-model";

/** The executions in flight, newest first: what the run switcher offers. */
export function runsInFlight(payload: BoardPayload): PipelineExecutionSummary[] {
  return payload.executions.filter(isInFlight).sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""));
}

/**
 * The execution to draw: the one asked for while the payload still knows it, else the newest in
 * flight, else the newest execution (a finished one, still never mixed with others).
 */
export function chooseRun(payload: BoardPayload, requested: string | undefined): string | undefined {
  if (requested !== undefined && payload.executions.some((e) => e.executionId === requested)) return requested;
  return runsInFlight(payload)[0]?.executionId ?? payload.executions[0]?.executionId;
}

/** The newest run of each action of a stage in one execution (a retried action ran more than once). */
function newestRuns(runs: readonly ActionRunTiming[]): Map<string, ActionRunTiming> {
  const newest = new Map<string, ActionRunTiming>();
  for (const run of runs) {
    const seen = newest.get(run.actionName);
    if (!seen || (run.startTime ?? "") > (seen.startTime ?? "")) newest.set(run.actionName, run);
  }
  return newest;
}

/**
 * A stage's status in an execution from its action runs there: undefined when it has not reached
 * the stage. Undocumented as such by AWS; chosen: any run in progress → InProgress, any failed →
 * Failed, every action succeeded → Succeeded, otherwise (later run orders not started yet)
 * InProgress while the execution runs, else how the execution ended.
 */
function stageStatusFrom(
  actions: readonly ActionStateView[],
  runs: ReadonlyMap<string, ActionRunTiming>,
  execution: PipelineExecutionStatus | undefined,
): StageExecutionStatus | undefined {
  if (runs.size === 0) return undefined;
  const statuses = [...runs.values()].map((r) => r.status);
  if (statuses.includes("InProgress")) return execution === "Stopping" ? "Stopping" : "InProgress";
  if (statuses.includes("Failed")) return "Failed";
  if (actions.every((a) => runs.get(a.actionName)?.status === "Succeeded")) return "Succeeded";
  if (execution === "InProgress") return "InProgress";
  if (execution === "Stopping" || execution === "Stopped" || execution === "Failed" || execution === "Cancelled") return execution;
  return statuses.includes("Abandoned") ? "Stopped" : undefined;
}

function stageOfRun(stage: StageStateView, executionId: string, payload: BoardPayload, execution: PipelineExecutionSummary | undefined): StageStateView {
  const held = stage.inboundExecutions.filter((e) => e.executionId === executionId);
  if (stage.latestExecution?.executionId === executionId) return { ...stage, inboundExecutions: held };
  const runs = newestRuns(payload.actionRuns.filter((r) => r.executionId === executionId && r.stageName === stage.stageName));
  const status = stageStatusFrom(stage.actions, runs, execution?.status);
  const actions = stage.actions.map((action): ActionStateView => {
    const run = runs.get(action.actionName);
    const { latestExecution: _other, ...rest } = action;
    if (!run) return rest;
    return {
      ...rest,
      latestExecution: {
        ...(run.actionExecutionId !== undefined && { actionExecutionId: run.actionExecutionId }),
        ...(run.status !== undefined && { status: run.status }),
        ...(run.lastUpdateTime !== undefined && { lastStatusChange: run.lastUpdateTime }),
        ...(run.externalExecutionUrl !== undefined && { externalExecutionUrl: run.externalExecutionUrl }),
        ...(run.errorDetails !== undefined && { errorDetails: run.errorDetails }),
      },
    };
  });
  // Conditions and retry counts in GetPipelineState belong to the stage's latest execution, not this one.
  const { latestExecution: _latest, beforeEntry: _b, onSuccess: _s, onFailure: _f, retryStageMetadata: _r, ...base } = stage;
  return {
    ...base,
    inboundExecutions: held,
    actions,
    ...(status !== undefined && { latestExecution: { executionId, status, ...(execution?.executionType && { type: execution.executionType }) } }),
  };
}

/** The payload as one execution alone would show it: its stages and runs, and it as the latest execution. */
export function runPayload(payload: BoardPayload, executionId: string): BoardPayload {
  const execution = payload.executions.find((e) => e.executionId === executionId);
  return {
    ...payload,
    state: { ...payload.state, stages: payload.state.stages.map((s) => stageOfRun(s, executionId, payload, execution)) },
    executions: execution ? [execution, ...payload.executions.filter((e) => e !== execution)] : payload.executions,
  };
}

/** The board of one execution; `active` stays the whole pipeline's, so the page keeps polling while any run is in flight. */
export function runBoardView(payload: BoardPayload, executionId: string): BoardView {
  return { ...boardView(runPayload(payload, executionId)), active: boardView(payload).active };
}
