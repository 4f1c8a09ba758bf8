/**
 * RollbackStage: a new execution of type ROLLBACK reruns one stage with the source revisions,
 * variables and artifacts of an earlier execution that succeeded in that stage. Not for the
 * first (source) stage, not in PARALLEL mode, not on V1 pipelines, and the target must have
 * run on the current pipeline version and not be a rollback itself.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { requireExecution, requireStage, type EngineContext } from "../context";
import { CALLER_ARN } from "../../identity";
import { requiredString } from "../wire";

export function rollbackStage(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  const stageName = requiredString(input, "stageName");
  const targetId = requiredString(input, "targetPipelineExecutionId");
  const plan = ctx.plans.current(pipelineName);
  const stage = requireStage(plan, stageName);

  if (plan.pipelineType === "V1") throw unable("stage rollback is available for V2 pipelines only.");
  if (plan.executionMode === "PARALLEL") throw unable("stage rollback is not available for pipelines in PARALLEL mode.");
  if (stage.index === 0) throw unable(`${stageName} is the first stage of the pipeline; the source stage cannot be rolled back.`);

  const target = requireExecution(ctx, pipelineName, targetId);
  if (target.executionType === "ROLLBACK") throw unable(`execution ${targetId} is itself a rollback.`);
  if (target.pipelineVersion !== plan.version) {
    throw new ServiceError(
      "PipelineExecutionOutdatedException",
      `Execution ${targetId} ran on pipeline version ${target.pipelineVersion}; the pipeline is now at version ${plan.version}.`,
    );
  }
  const targetStage = ctx.store.getStage(targetId, stageName);
  if (targetStage?.status !== "Succeeded") throw unable(`execution ${targetId} did not succeed in stage ${stageName}.`);
  const running = ctx.store
    .activeExecutions(pipelineName)
    .find((e) => e.executionType === "ROLLBACK" && e.stageIndex === stage.index);
  if (running) {
    throw new ServiceError("ConflictException", `A rollback of stage ${stageName} is already in progress (${running.id}).`);
  }

  const now = ctx.now();
  const execution = ctx.runner.launch(
    {
      plan,
      triggerType: "ManualRollback",
      triggerDetail: CALLER_ARN,
      variables: target.variables,
      executionType: "ROLLBACK",
      rollbackTarget: target,
      onlyStageIndex: stage.index,
    },
    now,
  );
  ctx.runner.advance(now, pipelineName);
  return { pipelineExecutionId: execution.id };
}

function unable(why: string): ServiceError {
  return new ServiceError("UnableToRollbackStageException", `Unable to roll back the stage: ${why}`);
}
