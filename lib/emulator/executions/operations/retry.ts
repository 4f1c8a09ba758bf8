/**
 * RetryStageExecution: reruns a Failed or Stopped stage of the execution that ran it last, in
 * the same execution. FAILED_ACTIONS reruns the actions that did not succeed (and the groups
 * that never ran); ALL_ACTIONS reruns every action. The execution then carries on.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { requireStage, type EngineContext } from "../context";
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
  if (latest.status !== "Failed" && latest.status !== "Stopped") {
    throw notRetryable(`stage ${stageName} of execution ${executionId} is ${latest.status}; only failed or stopped stages can be retried.`);
  }
  if (execution.status !== "Failed" && execution.status !== "Stopped") {
    throw notRetryable(`execution ${executionId} is ${execution.status}.`);
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

function notRetryable(why: string): ServiceError {
  return new ServiceError("StageNotRetryableException", `The stage cannot be retried: ${why}`);
}
