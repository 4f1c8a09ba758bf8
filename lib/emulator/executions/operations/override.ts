/**
 * OverrideStageCondition: lets the latest execution of a stage past its entry condition
 * (BEFORE_ENTRY: the stage runs its actions) or its success condition (ON_SUCCESS: the stage
 * succeeds and the execution moves on), whether the condition is still being evaluated or has
 * failed the stage (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html,
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html). A condition
 * whose result is SKIP cannot be overridden.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { endCondition } from "../conditions";
import { requireStage, type EngineContext } from "../context";
import type { ConditionType } from "../records";
import { checkConcurrency } from "./start";
import { requiredString } from "../wire";

export function overrideStageCondition(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  const stageName = requiredString(input, "stageName");
  const executionId = requiredString(input, "pipelineExecutionId");
  const type = requiredString(input, "conditionType") as Extract<ConditionType, "BEFORE_ENTRY" | "ON_SUCCESS">;
  const plan = ctx.plans.current(pipelineName);
  const stagePlan = requireStage(plan, stageName);
  const declared = type === "BEFORE_ENTRY" ? stagePlan.beforeEntry : stagePlan.onSuccess;
  const label = type === "BEFORE_ENTRY" ? "entry" : "success";
  if (!declared) throw notOverridable(`stage ${stageName} has no ${label} condition.`);
  if (declared.result === "SKIP") throw notOverridable(`a condition whose result is SKIP cannot be overridden.`);

  const latest = ctx.store.latestStageRun(pipelineName, stageName);
  const execution = ctx.store.getExecution(executionId);
  if (!execution || execution.pipelineName !== pipelineName || !latest || latest.executionId !== executionId) {
    throw new ServiceError(
      "NotLatestPipelineExecutionException",
      `Pipeline execution ${executionId} is not the latest execution of stage ${stageName}; only the latest execution of a stage can be overridden.`,
    );
  }
  if (execution.status === "Stopping") {
    throw new ServiceError("ConflictException", `Execution ${executionId} is being stopped; its ${label} condition cannot be overridden now.`);
  }
  const condition = ctx.conditions.getCondition(executionId, stageName, type);
  const evaluating = condition?.status === "InProgress" && latest.conditionPhase === type;
  const failedStage = condition?.status === "Failed" && latest.status === "Failed" && execution.status === "Failed";
  if (!condition || (!evaluating && !failedStage)) {
    throw notOverridable(`the ${label} condition of stage ${stageName} in execution ${executionId} is ${condition?.status ?? "not evaluated"}; only a condition being evaluated or one that failed the stage can be overridden.`);
  }
  if (failedStage) checkConcurrency(ctx, plan);

  const now = ctx.now();
  endCondition(ctx.runner, executionId, stageName, type, "Overridden", now);
  latest.conditionPhase = undefined;
  latest.status = "InProgress";
  latest.updatedMs = now;
  ctx.store.saveStage(latest);
  if (failedStage) {
    execution.status = "InProgress";
    execution.statusSummary = undefined;
    execution.stageIndex = stagePlan.index;
    execution.inStage = true;
    execution.updatedMs = now;
    ctx.store.saveExecution(execution);
  }
  // Entry: the first action group starts on the next step. Success: the stage is done.
  if (type === "ON_SUCCESS") ctx.runner.completeStage(execution, ctx.plans.get(pipelineName, execution.pipelineVersion) ?? plan, latest, "Succeeded", now);
  ctx.runner.advance(now, pipelineName);
  return {};
}

function notOverridable(why: string): ServiceError {
  return new ServiceError("ConditionNotOverridableException", `The condition cannot be overridden: ${why}`);
}
