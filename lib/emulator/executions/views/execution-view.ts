/** Pipeline executions as ListPipelineExecutions and GetPipelineExecution show them. */
import type { JsonObject } from "../../contract";
import type { ExecutionRecord } from "../records";
import { compact, seconds } from "../wire";

function trigger(execution: ExecutionRecord): JsonObject {
  return compact({ triggerType: execution.triggerType, triggerDetail: execution.triggerDetail });
}

function rollbackMetadata(execution: ExecutionRecord): JsonObject | undefined {
  return execution.rollbackTarget ? { rollbackTargetPipelineExecutionId: execution.rollbackTarget } : undefined;
}

export function executionSummary(execution: ExecutionRecord): JsonObject {
  return compact({
    pipelineExecutionId: execution.id,
    status: execution.status,
    statusSummary: execution.statusSummary,
    startTime: seconds(execution.startMs),
    lastUpdateTime: seconds(execution.updatedMs),
    sourceRevisions: execution.sourceRevisions.map((r) =>
      compact({ actionName: r.actionName, revisionId: r.revisionId, revisionSummary: r.revisionSummary, revisionUrl: r.revisionUrl }),
    ),
    trigger: trigger(execution),
    stopTrigger: execution.stopMode ? compact({ reason: execution.stopReason }) : undefined,
    executionMode: execution.executionMode,
    executionType: execution.executionType,
    rollbackMetadata: rollbackMetadata(execution),
  });
}

export function executionDetail(execution: ExecutionRecord): JsonObject {
  return compact({
    pipelineName: execution.pipelineName,
    pipelineVersion: execution.pipelineVersion,
    pipelineExecutionId: execution.id,
    status: execution.status,
    statusSummary: execution.statusSummary,
    artifactRevisions: execution.sourceRevisions.map((r) =>
      compact({
        name: r.artifactName ?? r.actionName,
        revisionId: r.revisionId,
        revisionChangeIdentifier: r.revisionChangeId,
        revisionSummary: r.revisionSummary,
        created: seconds(r.created),
        revisionUrl: r.revisionUrl,
      }),
    ),
    variables:
      execution.variables.length > 0
        ? execution.variables.map((v) => ({ name: v.name, resolvedValue: v.resolvedValue }))
        : undefined,
    trigger: trigger(execution),
    executionMode: execution.executionMode,
    executionType: execution.executionType,
    rollbackMetadata: rollbackMetadata(execution),
  });
}
