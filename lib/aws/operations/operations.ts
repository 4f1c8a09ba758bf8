import "server-only";
import { sanitizeTransitionReason } from "@/lib/domain/execution/operation-inputs";
import type { z } from "zod";
import type {
  ApprovalInputSchema,
  OverrideConditionInputSchema,
  RetryStageInputSchema,
  RollbackStageInputSchema,
  StartExecutionInputSchema,
  StopExecutionInputSchema,
  TransitionInputSchema,
} from "@/lib/domain/execution/operation-schemas";
import { expirePipeline } from "../cached-reads";
import { defaultGateway, type Gateway } from "../client";
import {
  disableStageTransition,
  enableStageTransition,
  putApprovalResult,
  retryStageExecution,
  rollbackStage,
  startPipelineExecution,
  stopPipelineExecution,
} from "../executions";
import { chooseRegion } from "../region-choice";
import { overrideStageCondition } from "../run-details";
import type { OperationDone } from "./results";

/**
 * The execution operations behind the server actions: the region the page named, one gateway
 * call, then the read cache forgets the pipeline so every viewer's next poll sees the change.
 * Gateway failures are thrown (GatewayException) and put into words by lib/server/action.ts.
 */
async function onPipeline(input: { pipelineName: string; region?: string }, call: (gw: Gateway) => Promise<OperationDone>): Promise<OperationDone> {
  const region = chooseRegion(input.region);
  try {
    return await call(defaultGateway(region));
  } finally {
    // Also after a failure: the refusal (e.g. "not the latest execution") often means the view is behind.
    expirePipeline(region, input.pipelineName);
  }
}

export function startExecution(i: z.output<typeof StartExecutionInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    const executionId = await startPipelineExecution(
      { name: i.pipelineName, variables: i.variables, sourceRevisions: i.sourceRevisions, clientRequestToken: i.clientRequestToken },
      gw,
    );
    return { status: "done", executionId, message: `Started execution ${executionId}.` };
  });
}

export function stopExecution(i: z.output<typeof StopExecutionInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    await stopPipelineExecution({ pipelineName: i.pipelineName, executionId: i.executionId, abandon: i.abandon, reason: i.reason }, gw);
    return {
      status: "done",
      executionId: i.executionId,
      message: i.abandon
        ? `Stopping execution ${i.executionId}: running actions are abandoned.`
        : `Stopping execution ${i.executionId} once its running actions finish.`,
    };
  });
}

export function retryStage(i: z.output<typeof RetryStageInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    await retryStageExecution(i, gw);
    const what = i.retryMode === "FAILED_ACTIONS" ? "its failed actions" : "all its actions";
    return { status: "done", executionId: i.executionId, message: `Retrying stage ${i.stageName} (${what}) in execution ${i.executionId}.` };
  });
}

export function answerApproval(i: z.output<typeof ApprovalInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    await putApprovalResult(i, gw);
    return { status: "done", message: `${i.status} ${i.stageName} / ${i.actionName}.` };
  });
}

export function changeTransition(i: z.output<typeof TransitionInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    const target = { pipelineName: i.pipelineName, stageName: i.stageName, transitionType: i.transitionType };
    const direction = i.transitionType === "Inbound" ? "into" : "out of";
    if (i.enable) {
      await enableStageTransition(target, gw);
      return { status: "done", message: `Enabled the transition ${direction} ${i.stageName}.` };
    }
    const reason = sanitizeTransitionReason(i.reason ?? "");
    await disableStageTransition({ ...target, reason }, gw);
    return { status: "done", reason, message: `Disabled the transition ${direction} ${i.stageName}: "${reason}".` };
  });
}

export function rollback(i: z.output<typeof RollbackStageInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    const executionId = await rollbackStage(i, gw);
    return { status: "done", executionId, message: `Rolling ${i.stageName} back to execution ${i.targetExecutionId} (rollback execution ${executionId}).` };
  });
}

export function overrideCondition(i: z.output<typeof OverrideConditionInputSchema>): Promise<OperationDone> {
  return onPipeline(i, async (gw) => {
    await overrideStageCondition(i, gw);
    const which = i.conditionType === "BEFORE_ENTRY" ? "entry" : "success";
    return { status: "done", executionId: i.executionId, message: `Overrode the ${which} condition of ${i.stageName} for execution ${i.executionId}.` };
  });
}
