/** Action executions as the wire shows them: the board's `latestExecution` and ListActionExecutions' detail. */
import type { JsonObject } from "../../contract";
import { maskConfiguration } from "../../secrets";
import type { ActionRecord } from "../records";
import { compact, seconds } from "../wire";

/** GetPipelineState `actionStates[].latestExecution`. */
export function boardActionExecution(run: ActionRecord, now: number): JsonObject {
  const inProgress = run.status === "InProgress";
  const timed = inProgress && run.outcome !== "approval" && run.dueMs !== undefined && run.dueMs > run.startMs;
  return compact({
    actionExecutionId: run.id,
    status: run.status,
    summary: run.summary,
    lastStatusChange: seconds(run.updatedMs),
    // The approval token is the handle for PutApprovalResult, offered only while it waits.
    token: inProgress && run.outcome === "approval" ? run.token : undefined,
    lastUpdatedBy: run.updatedBy,
    externalExecutionId: run.externalId,
    externalExecutionUrl: run.externalUrl,
    percentComplete: timed
      ? Math.min(99, Math.max(0, Math.floor(((now - run.startMs) / ((run.dueMs as number) - run.startMs)) * 100)))
      : undefined,
    errorDetails: run.errorDetails ? { ...run.errorDetails } : undefined,
  });
}

/** ListActionExecutions `actionExecutionDetails[]`. */
export function actionExecutionDetail(run: ActionRecord): JsonObject {
  const executionResult = compact({
    externalExecutionId: run.externalId,
    externalExecutionSummary: run.summary,
    externalExecutionUrl: run.externalUrl,
    errorDetails: run.errorDetails ? { ...run.errorDetails } : undefined,
  });
  const output =
    run.status === "InProgress"
      ? Object.keys(executionResult).length > 0
        ? { executionResult }
        : undefined
      : {
          outputArtifacts: run.output?.outputArtifacts ?? [],
          executionResult,
          outputVariables: run.output?.outputVariables ?? {},
        };
  return compact({
    pipelineExecutionId: run.executionId,
    actionExecutionId: run.id,
    pipelineVersion: run.pipelineVersion,
    stageName: run.stageName,
    actionName: run.actionName,
    startTime: seconds(run.startMs),
    lastUpdateTime: seconds(run.updatedMs),
    updatedBy: run.updatedBy,
    status: run.status,
    input: maskedInput(run.input),
    output,
  });
}

/** The run's input as stored (the engine resolves with the real values), secrets masked. */
function maskedInput(input: JsonObject): JsonObject {
  const { actionTypeId } = input;
  return {
    ...input,
    configuration: maskConfiguration(actionTypeId, input.configuration),
    resolvedConfiguration: maskConfiguration(actionTypeId, input.resolvedConfiguration),
  };
}
