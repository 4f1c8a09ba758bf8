import "server-only";
import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import type {
  ActionExecutionView,
  PipelineExecutionDetail,
  PipelineExecutionSummary,
  PipelineStateView,
} from "@/lib/domain/execution/view-model";
import { defaultGateway, type Gateway } from "./client";
import {
  reshapeActionExecution,
  reshapeExecution,
  reshapeExecutionSummary,
  reshapePipelineState,
} from "./reshape";

/**
 * Execution-side operations (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Operations.html).
 * Every function throws GatewayException, so the pages handle one closed set of failures.
 */

export function getPipelineState(input: { name: string }, gw: Gateway = defaultGateway()): Promise<PipelineStateView> {
  return gw.call(async (c) => reshapePipelineState(await c.send(new GetPipelineStateCommand(input))));
}

export interface ListPipelineExecutionsInput {
  readonly pipelineName: string;
  /** Only executions that succeeded in this stage. */
  readonly succeededInStage?: string;
  /** Stop after this many executions (newest first); default: the whole history. */
  readonly limit?: number;
}

/** Executions newest first, following `nextToken` until `limit` or the end of the history. */
export async function listPipelineExecutions(
  input: ListPipelineExecutionsInput,
  gw: Gateway = defaultGateway(),
): Promise<PipelineExecutionSummary[]> {
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const all: PipelineExecutionSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(
        new ListPipelineExecutionsCommand({
          pipelineName: input.pipelineName,
          maxResults: Math.min(100, limit - all.length),
          nextToken,
          filter: input.succeededInStage ? { succeededInStage: { stageName: input.succeededInStage } } : undefined,
        }),
      ),
    );
    all.push(...(page.pipelineExecutionSummaries ?? []).map(reshapeExecutionSummary));
    nextToken = page.nextToken;
  } while (nextToken && all.length < limit);
  return all.slice(0, limit);
}

export function getPipelineExecution(
  input: { pipelineName: string; executionId: string },
  gw: Gateway = defaultGateway(),
): Promise<PipelineExecutionDetail> {
  return gw.call(async (c) => {
    const out = await c.send(
      new GetPipelineExecutionCommand({ pipelineName: input.pipelineName, pipelineExecutionId: input.executionId }),
    );
    if (!out.pipelineExecution) throw new Error("The CodePipeline response has no pipelineExecution.");
    return reshapeExecution(out.pipelineExecution);
  });
}

/** Every action run of a pipeline (all pages), or of one execution when `executionId` is given. */
export async function listActionExecutions(
  input: { pipelineName: string; executionId?: string },
  gw: Gateway = defaultGateway(),
): Promise<ActionExecutionView[]> {
  const all: ActionExecutionView[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(
        new ListActionExecutionsCommand({
          pipelineName: input.pipelineName,
          filter: input.executionId ? { pipelineExecutionId: input.executionId } : undefined,
          maxResults: 100,
          nextToken,
        }),
      ),
    );
    all.push(...(page.actionExecutionDetails ?? []).map(reshapeActionExecution));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

export interface StartPipelineExecutionInput {
  readonly name: string;
  readonly variables?: ReadonlyArray<{ name: string; value: string }>;
  readonly sourceRevisions?: ReadonlyArray<{
    actionName: string;
    revisionType: "COMMIT_ID" | "IMAGE_DIGEST" | "S3_OBJECT_VERSION_ID" | "S3_OBJECT_KEY";
    revisionValue: string;
  }>;
  /** Idempotency: the same token within a short window starts one execution only. */
  readonly clientRequestToken?: string;
}

/** Starts an execution; returns its id. */
export function startPipelineExecution(input: StartPipelineExecutionInput, gw: Gateway = defaultGateway()): Promise<string> {
  return gw.call(async (c) => {
    const out = await c.send(
      new StartPipelineExecutionCommand({
        name: input.name,
        variables: input.variables?.map((v) => ({ ...v })),
        sourceRevisions: input.sourceRevisions?.map((r) => ({ ...r })),
        clientRequestToken: input.clientRequestToken,
      }),
    );
    if (!out.pipelineExecutionId) throw new Error("The CodePipeline response has no pipelineExecutionId.");
    return out.pipelineExecutionId;
  });
}

/** Stops an execution: waits for in-progress actions, or abandons them when `abandon` is set. */
export async function stopPipelineExecution(
  input: { pipelineName: string; executionId: string; abandon?: boolean; reason?: string },
  gw: Gateway = defaultGateway(),
): Promise<void> {
  await gw.call((c) =>
    c.send(
      new StopPipelineExecutionCommand({
        pipelineName: input.pipelineName,
        pipelineExecutionId: input.executionId,
        abandon: input.abandon,
        reason: input.reason,
      }),
    ),
  );
}

/** Runs the failed (or all) actions of a failed or stopped stage again, in the same execution. */
export async function retryStageExecution(
  input: { pipelineName: string; stageName: string; executionId: string; retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS" },
  gw: Gateway = defaultGateway(),
): Promise<void> {
  await gw.call((c) =>
    c.send(
      new RetryStageExecutionCommand({
        pipelineName: input.pipelineName,
        stageName: input.stageName,
        pipelineExecutionId: input.executionId,
        retryMode: input.retryMode,
      }),
    ),
  );
}

export interface PutApprovalResultInput {
  readonly pipelineName: string;
  readonly stageName: string;
  readonly actionName: string;
  /** From `getPipelineState`: the waiting approval action's `latestExecution.token`. */
  readonly token: string;
  readonly status: "Approved" | "Rejected";
  readonly summary: string;
}

/** Answers a manual approval; returns when it was recorded (ISO). */
export function putApprovalResult(input: PutApprovalResultInput, gw: Gateway = defaultGateway()): Promise<string | undefined> {
  return gw.call(async (c) => {
    const out = await c.send(
      new PutApprovalResultCommand({
        pipelineName: input.pipelineName,
        stageName: input.stageName,
        actionName: input.actionName,
        token: input.token,
        result: { status: input.status, summary: input.summary },
      }),
    );
    return out.approvedAt?.toISOString();
  });
}

export interface StageTransitionInput {
  readonly pipelineName: string;
  readonly stageName: string;
  readonly transitionType: "Inbound" | "Outbound";
}

export async function enableStageTransition(input: StageTransitionInput, gw: Gateway = defaultGateway()): Promise<void> {
  await gw.call((c) => c.send(new EnableStageTransitionCommand({ ...input })));
}

/** `reason` must match AWS's pattern (letters, digits, spaces and !@().*?-), 1–300 characters. */
export async function disableStageTransition(
  input: StageTransitionInput & { reason: string },
  gw: Gateway = defaultGateway(),
): Promise<void> {
  await gw.call((c) => c.send(new DisableStageTransitionCommand({ ...input })));
}

/**
 * Rolls a stage back to an earlier execution that succeeded in it (V2, not PARALLEL): a new
 * ROLLBACK execution reruns the stage with that execution's revisions; returns its id
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RollbackStage.html).
 */
export function rollbackStage(
  input: { pipelineName: string; stageName: string; targetExecutionId: string },
  gw: Gateway = defaultGateway(),
): Promise<string> {
  return gw.call(async (c) => {
    const out = await c.send(
      new RollbackStageCommand({ pipelineName: input.pipelineName, stageName: input.stageName, targetPipelineExecutionId: input.targetExecutionId }),
    );
    if (!out.pipelineExecutionId) throw new Error("The CodePipeline response has no pipelineExecutionId.");
    return out.pipelineExecutionId;
  });
}
