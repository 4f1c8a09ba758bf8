/**
 * StopPipelineExecution.
 *  - abandon=false ("stop and wait"): the execution is Stopping while its running actions
 *    finish; no further group or stage starts; then Stopped.
 *  - abandon=true: running actions are Abandoned and the execution is Stopped at once.
 * An execution waiting at a boundary stops at once either way. Manual approvals are abandoned
 * by both: waiting for a human is not work that finishes on its own (our choice; AWS does not
 * document it). A second stop-and-wait, or any stop after an abandon, is a duplicate.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { endCondition } from "../conditions";
import { requireExecution, type EngineContext } from "../context";
import { optionalString, requiredString } from "../wire";

export function stopPipelineExecution(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  ctx.plans.current(pipelineName);
  const execution = requireExecution(ctx, pipelineName, requiredString(input, "pipelineExecutionId"));
  const abandon = input.abandon === true;
  const reason = optionalString(input, "reason");

  if (execution.status !== "InProgress" && execution.status !== "Stopping") {
    throw new ServiceError(
      "PipelineExecutionNotStoppableException",
      `Pipeline execution ${execution.id} is ${execution.status} and cannot be stopped.`,
    );
  }
  if (execution.stopMode === "abandon" || (execution.stopMode === "wait" && !abandon)) {
    throw new ServiceError(
      "DuplicatedStopRequestException",
      `A stop request for pipeline execution ${execution.id} is already in progress.`,
    );
  }

  const now = ctx.now();
  execution.stopMode = abandon ? "abandon" : "wait";
  if (reason !== undefined && reason.length > 0) execution.stopReason = reason;
  const stage = ctx.runner.currentStage(execution);
  if (!stage) {
    ctx.runner.finish(execution, "Stopped", now);
  } else if (abandon) {
    ctx.runner.abandonRunning(execution, now, false);
    if (stage.conditionPhase) {
      // A condition being evaluated is abandoned with its running rules.
      endCondition(ctx.runner, execution.id, stage.stageName, stage.conditionPhase, "Abandoned", now);
      stage.conditionPhase = undefined;
    }
    ctx.runner.setStage(stage, "Stopped", now);
    ctx.runner.finish(execution, "Stopped", now);
  } else {
    ctx.runner.abandonRunning(execution, now, true);
    ctx.runner.setStage(stage, "Stopping", now);
    ctx.runner.finish(execution, "Stopping", now);
  }
  ctx.runner.advance(now, pipelineName);
  return { pipelineExecutionId: execution.id };
}
