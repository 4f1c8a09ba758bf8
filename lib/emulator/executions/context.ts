/** What operations and views share: the runner (with store and plans), definitions and the clock. */
import type { DefinitionReader } from "../contract";
import type { ConditionStore } from "./condition-store";
import { ServiceError } from "../errors";
import type { PipelinePlan, StagePlan } from "./pipeline-plan";
import { stageByName } from "./pipeline-plan";
import type { PlanCache } from "./plans";
import type { ExecutionRecord } from "./records";
import type { Runner } from "./runner";
import type { ExecutionStore } from "./store";

export interface EngineContext {
  readonly runner: Runner;
  readonly store: ExecutionStore;
  readonly conditions: ConditionStore;
  readonly plans: PlanCache;
  readonly definitions: DefinitionReader;
  now(): number;
  newId(): string;
}

export function executionNotFound(pipelineName: string, executionId: string): ServiceError {
  return new ServiceError(
    "PipelineExecutionNotFoundException",
    `Pipeline execution with ID '${executionId}' does not exist in pipeline with name '${pipelineName}'.`,
  );
}

/** The execution, which must belong to the pipeline. */
export function requireExecution(ctx: EngineContext, pipelineName: string, executionId: string): ExecutionRecord {
  const execution = ctx.store.getExecution(executionId);
  if (!execution || execution.pipelineName !== pipelineName) throw executionNotFound(pipelineName, executionId);
  return execution;
}

export function requireStage(plan: PipelinePlan, stageName: string): StagePlan {
  const stage = stageByName(plan, stageName);
  if (!stage) {
    throw new ServiceError("StageNotFoundException", `Stage '${stageName}' does not exist in pipeline '${plan.name}'.`);
  }
  return stage;
}
