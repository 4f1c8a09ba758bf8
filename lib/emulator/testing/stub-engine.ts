/**
 * An engine that does nothing, for shell tests that inject their own behaviour
 * (`{...stubEngine(), seedDemo() {...}}`); execution operations answer InternalFailure.
 */
import type { ExecutionEngine, JsonObject } from "../contract";
import { ServiceError } from "../errors";

export function stubEngine(): ExecutionEngine {
  let timeScale = 1;
  const unavailable = (): JsonObject => {
    throw new ServiceError("InternalFailure", "The stub engine runs no executions.", 500);
  };
  return {
    startPipelineExecution: unavailable,
    stopPipelineExecution: unavailable,
    getPipelineState: unavailable,
    getPipelineExecution: unavailable,
    listPipelineExecutions: unavailable,
    listActionExecutions: unavailable,
    retryStageExecution: unavailable,
    rollbackStage: unavailable,
    putApprovalResult: unavailable,
    enableStageTransition: unavailable,
    disableStageTransition: unavailable,
    listRuleExecutions: unavailable,
    overrideStageCondition: unavailable,
    listDeployActionExecutionTargets: unavailable,
    onPipelineCreated: () => {},
    onPipelineUpdated: () => {},
    onPipelineDeleted: () => {},
    setTimeScale: (scale) => {
      timeScale = scale;
    },
    getTimeScale: () => timeScale,
    failNextRun: () => {},
    failNextRule: () => {},
    setAlarmState: () => {},
    seedDemo: () => {},
    reset: () => {},
    close: () => {},
  };
}
