/**
 * What the execution operations' server actions accept: one strict zod schema per operation,
 * built from the API reference's constraints (lib/domain/pipeline/patterns.ts), e.g.
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StopPipelineExecution.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryStageExecution.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutApprovalResult.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_DisableStageTransition.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RollbackStage.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html.
 * Every input may name a `region` (the page's `?region=`); the server checks it is one it covers.
 */
import { z } from "zod";
import {
  ACTION_NAME,
  APPROVAL_SUMMARY,
  CLIENT_REQUEST_TOKEN,
  LIMITS,
  PIPELINE_NAME,
  REGION,
  REVISION_VALUE,
  STAGE_NAME,
  STOP_REASON,
  VARIABLE_DEFAULT,
  VARIABLE_NAME,
  type StringConstraint,
} from "../pipeline/patterns";

function text(c: StringConstraint) {
  const s = z.string().min(c.min).max(c.max);
  return c.pattern ? s.regex(c.pattern, `must match ${c.patternText ?? c.pattern.source}`) : s;
}

const EXECUTION_ID = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be an execution id (a UUID)");

const target = {
  pipelineName: text(PIPELINE_NAME),
  region: text(REGION).optional(),
};

export const REVISION_TYPES = ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"] as const;

export const StartExecutionInputSchema = z.strictObject({
  ...target,
  /** V2 pipeline-variable overrides. */
  variables: z.array(z.strictObject({ name: text(VARIABLE_NAME), value: text(VARIABLE_DEFAULT) })).max(LIMITS.variables).optional(),
  /** Source-revision overrides: one per source action. */
  sourceRevisions: z
    .array(z.strictObject({ actionName: text(ACTION_NAME), revisionType: z.enum(REVISION_TYPES), revisionValue: text(REVISION_VALUE) }))
    .max(50)
    .optional(),
  /** Made once per dialog: a double click sends the same token, and CodePipeline starts one execution. */
  clientRequestToken: text(CLIENT_REQUEST_TOKEN),
});

export const StopExecutionInputSchema = z.strictObject({
  ...target,
  executionId: EXECUTION_ID,
  /** false: stop and wait for running actions; true: abandon them. */
  abandon: z.boolean(),
  reason: text(STOP_REASON).optional(),
});

export const RetryStageInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  executionId: EXECUTION_ID,
  retryMode: z.enum(["FAILED_ACTIONS", "ALL_ACTIONS"]),
});

export const ApprovalInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  actionName: text(ACTION_NAME),
  token: EXECUTION_ID,
  status: z.enum(["Approved", "Rejected"]),
  summary: text(APPROVAL_SUMMARY),
});

export const TransitionInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  transitionType: z.enum(["Inbound", "Outbound"]),
  enable: z.boolean(),
  /** Free text when disabling: the server sends it sanitised to AWS's characters (sanitizeTransitionReason) and says so. */
  reason: z.string().max(2_000).optional(),
});

export const RollbackStageInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  targetExecutionId: EXECUTION_ID,
});

export const OverrideConditionInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  executionId: EXECUTION_ID,
  conditionType: z.enum(["BEFORE_ENTRY", "ON_SUCCESS"]),
});

/** What the approval panel and the rollback dialog read when they open. */
export const StageContextInputSchema = z.strictObject({
  ...target,
  stageName: text(STAGE_NAME),
  executionId: EXECUTION_ID.optional(),
});

export type StartExecutionInput = z.input<typeof StartExecutionInputSchema>;
export type StopExecutionInput = z.input<typeof StopExecutionInputSchema>;
export type RetryStageInput = z.input<typeof RetryStageInputSchema>;
export type ApprovalInput = z.input<typeof ApprovalInputSchema>;
export type TransitionInput = z.input<typeof TransitionInputSchema>;
export type RollbackStageInput = z.input<typeof RollbackStageInputSchema>;
export type StageContextInput = z.input<typeof StageContextInputSchema>;
export type OverrideConditionInput = z.input<typeof OverrideConditionInputSchema>;
