"use server";
/** Server actions of a pipeline's page. Thin: role, schema, read-only guard, one call, a result union. */
import { expireRegions } from "@/lib/aws/cached-reads";
import { configuredRegions } from "@/lib/aws/overview";
import { answerApproval, changeTransition, overrideCondition, retryStage, rollback, startExecution, stopExecution } from "@/lib/aws/operations/operations";
import type { ApprovalContextResult, OperationResult, RollbackTargetsResult } from "@/lib/aws/operations/results";
import { approvalContext, rollbackTargets } from "@/lib/aws/operations/stage-context";
import { approvalSummary } from "@/lib/domain/access/approval-summary";
import { deleteLive } from "@/lib/aws/sync/delete";
import type { DeleteResult } from "@/lib/aws/sync/results";
import {
  ApprovalInputSchema,
  OverrideConditionInputSchema,
  RetryStageInputSchema,
  RollbackStageInputSchema,
  StageContextInputSchema,
  StartExecutionInputSchema,
  StopExecutionInputSchema,
  TransitionInputSchema,
  type ApprovalInput,
  type OverrideConditionInput,
  type RetryStageInput,
  type RollbackStageInput,
  type StageContextInput,
  type StartExecutionInput,
  type StopExecutionInput,
  type TransitionInput,
} from "@/lib/domain/execution/operation-schemas";
import { DeleteInputSchema, type DeleteInput } from "@/lib/domain/sync/inputs";
import { mutationPolicy } from "@/lib/domain/access/mutations";
import { runMutation, runQuery } from "@/lib/server/action";

/** DeletePipeline, with the pipeline's name typed by the user as confirmation. */
export async function deletePipelineAction(input: DeleteInput): Promise<DeleteResult> {
  const result = await runMutation(input, DeleteInputSchema, (i) => deleteLive(i), mutationPolicy("delete"));
  if (result.status === "deleted") {
    // The list must not show it from the read cache any more.
    const regions = configuredRegions();
    if (regions.ok) expireRegions(regions.value);
  }
  return result;
}

/** StartPipelineExecution ("Release change"), with variable and source-revision overrides. */
export async function startExecutionAction(input: StartExecutionInput): Promise<OperationResult> {
  return runMutation(input, StartExecutionInputSchema, startExecution, mutationPolicy("start"));
}

/** StopPipelineExecution: stop and wait, or abandon. */
export async function stopExecutionAction(input: StopExecutionInput): Promise<OperationResult> {
  return runMutation(input, StopExecutionInputSchema, stopExecution, mutationPolicy("stop"));
}

/** RetryStageExecution: the failed actions only, or all of the stage's actions. */
export async function retryStageAction(input: RetryStageInput): Promise<OperationResult> {
  return runMutation(input, RetryStageInputSchema, retryStage, mutationPolicy("retry"));
}

/** PutApprovalResult: approve or reject a waiting manual approval. */
export async function answerApprovalAction(input: ApprovalInput): Promise<OperationResult> {
  return runMutation(
    input,
    ApprovalInputSchema,
    // CodePipeline records only the server's role: the person goes into the summary itself.
    (i, { user }) => answerApproval({ ...i, summary: approvalSummary(i.summary, user.id, i.status) }),
    { ...mutationPolicy("approve"), summarize: (i) => `${i.status}: ${i.summary}` },
  );
}

/** EnableStageTransition / DisableStageTransition (the reason sanitised to AWS's characters). */
export async function changeTransitionAction(input: TransitionInput): Promise<OperationResult> {
  return runMutation(input, TransitionInputSchema, changeTransition, mutationPolicy("transition"));
}

/** RollbackStage (V2): rerun a stage with an earlier successful execution's revisions. */
export async function rollbackStageAction(input: RollbackStageInput): Promise<OperationResult> {
  return runMutation(input, RollbackStageInputSchema, rollback, mutationPolicy("rollback"));
}

/** OverrideStageCondition: let the execution through a stage's entry or success condition that holds it. */
export async function overrideStageCondition(input: OverrideConditionInput): Promise<OperationResult> {
  return runMutation(input, OverrideConditionInputSchema, overrideCondition, {
    ...mutationPolicy("override"),
    summarize: (i) => `${i.conditionType} condition of ${i.stageName}, execution ${i.executionId}`,
  });
}

/** The approval panel's data: custom data, URL, token, and what changed since the last release through the stage. */
export async function approvalContextAction(input: StageContextInput): Promise<ApprovalContextResult> {
  return runQuery(input, StageContextInputSchema, approvalContext);
}

/** The rollback dialog's choices: earlier successful executions of the current pipeline version. */
export async function rollbackTargetsAction(input: StageContextInput): Promise<RollbackTargetsResult> {
  return runQuery(input, StageContextInputSchema, rollbackTargets);
}
