/**
 * RetryStageExecution: reruns a Failed or Stopped stage of the execution that ran it last, in
 * the same execution. FAILED_ACTIONS reruns the actions that did not succeed (and the groups
 * that never ran); ALL_ACTIONS reruns every action. The execution then carries on.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { startAction } from "../action-runs";
import { requireStage, type EngineContext } from "../context";
import type { StagePlan } from "../pipeline-plan";
import type { ExecutionRecord, StageRecord } from "../records";
import { latestPerAction } from "../runner";
import { requiredString } from "../wire";

export function retryStageExecution(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  const stageName = requiredString(input, "stageName");
  const executionId = requiredString(input, "pipelineExecutionId");
  const retryMode = requiredString(input, "retryMode");
  const plan = ctx.plans.current(pipelineName);
  const stagePlan = requireStage(plan, stageName);

  const latest = ctx.store.latestStageRun(pipelineName, stageName);
  const execution = ctx.store.getExecution(executionId);
  if (!execution || execution.pipelineName !== pipelineName || !latest || latest.executionId !== executionId) {
    throw new ServiceError(
      "NotLatestPipelineExecutionException",
      `Pipeline execution ${executionId} is not the latest execution of stage ${stageName}; only the latest execution of a stage can be retried.`,
    );
  }
  if (execution.pipelineVersion !== plan.version) {
    throw notRetryable(`the pipeline was updated since execution ${executionId} ran (version ${execution.pipelineVersion}, now ${plan.version}).`);
  }
  if (execution.status === "InProgress" && latest.status === "InProgress" && execution.inStage && execution.stageIndex === stagePlan.index) {
    return retryWhileRunning(ctx, execution, latest, stagePlan, retryMode);
  }
  if (latest.status !== "Failed" && latest.status !== "Stopped") {
    throw notRetryable(`stage ${stageName} of execution ${executionId} is ${latest.status}; only failed or stopped stages can be retried.`);
  }
  if (execution.status !== "Failed" && execution.status !== "Stopped") {
    throw notRetryable(`execution ${executionId} is ${execution.status}.`);
  }
  // "Before a stage can be retried, it must either have all actions failed or some actions failed
  // and some succeeded" (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-actions-retry.html):
  // a stage its entry or success condition failed has no failed action; an override lets it on.
  if (latest.status === "Failed") {
    const runs = latestPerAction(ctx.store.actionsOf(executionId, stageName).filter((r) => r.attempt === latest.attempt));
    if (!runs.some((r) => r.status === "Failed" || r.status === "Abandoned")) {
      throw notRetryable(`no action of stage ${stageName} failed in execution ${executionId} (a stage condition failed it; OverrideStageCondition lets it through).`);
    }
  }

  const now = ctx.now();
  latest.attempt += 1;
  if (retryMode === "ALL_ACTIONS") latest.baselineAttempt = latest.attempt;
  latest.runOrder = undefined;
  latest.status = "InProgress";
  latest.manualRetries += 1;
  latest.latestRetryTrigger = "ManualStageRetry";
  latest.entrySeq = ctx.store.nextEntrySeq();
  latest.updatedMs = now;
  ctx.store.saveStage(latest);

  execution.status = "InProgress";
  execution.statusSummary = undefined;
  execution.stopMode = undefined;
  execution.stopReason = undefined;
  execution.stageIndex = stagePlan.index;
  execution.inStage = true;
  execution.updatedMs = now;
  ctx.store.saveExecution(execution);
  ctx.runner.advance(now, pipelineName);
  return { pipelineExecutionId: execution.id };
}

/**
 * "When you retry the failed actions in a stage, all actions that are still in progress continue
 * working, and failed actions are triggered again. When you retry a failed stage from the first
 * action in the stage, the stage cannot have any actions in progress"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-actions-retry.html).
 */
function retryWhileRunning(ctx: EngineContext, execution: ExecutionRecord, stage: StageRecord, stagePlan: StagePlan, retryMode: string): JsonObject {
  const runs = latestPerAction(ctx.store.actionsOf(execution.id, stagePlan.name).filter((r) => r.attempt === stage.attempt));
  const failed = runs.filter((r) => r.status === "Failed");
  if (stage.conditionPhase || failed.length === 0) {
    throw notRetryable(`stage ${stagePlan.name} of execution ${execution.id} is InProgress and none of its actions has failed.`);
  }
  if (retryMode === "ALL_ACTIONS") {
    throw notRetryable(`stage ${stagePlan.name} still has actions in progress; only its failed actions can be retried now (FAILED_ACTIONS).`);
  }
  const plan = ctx.plans.get(execution.pipelineName, execution.pipelineVersion);
  if (!plan) throw notRetryable(`the pipeline version execution ${execution.id} ran on is no longer available.`);
  const now = ctx.now();
  for (const run of failed) {
    const action = stagePlan.actions.find((a) => a.name === run.actionName);
    if (action) startAction(ctx.runner, execution, plan, stagePlan, action, stage.attempt, now);
  }
  stage.manualRetries += 1;
  stage.latestRetryTrigger = "ManualStageRetry";
  stage.updatedMs = now;
  ctx.store.saveStage(stage);
  ctx.runner.advance(now, execution.pipelineName);
  return { pipelineExecutionId: execution.id };
}

function notRetryable(why: string): ServiceError {
  return new ServiceError("StageNotRetryableException", `The stage cannot be retried: ${why}`);
}
