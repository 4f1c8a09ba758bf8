import "server-only";
import type { AccessRefusal, Failed, InvalidInput, ReadOnlyRefusal } from "@/lib/aws/sync/results";
import type { ChangesSince } from "@/lib/domain/execution/changes-since";
import type { PipelineExecutionSummary } from "@/lib/domain/execution/view-model";

/**
 * What the execution operations' server actions answer: a union on `status`, plain JSON, never an
 * exception (the frame is lib/server/action.ts). Every variant carries a `message` for people.
 */
export interface OperationDone {
  readonly status: "done";
  readonly message: string;
  /** Start and rollback: the new execution; retry: the execution run again. */
  readonly executionId?: string;
  /** Disabling a transition: the reason as sent, after sanitising. */
  readonly reason?: string;
  /** AWS's id of the request that made the change (the guard adds it, lib/server/action.ts). */
  readonly requestId?: string;
}

export type OperationResult = OperationDone | InvalidInput | AccessRefusal | ReadOnlyRefusal | Failed;

/** A manual approval of the stage: what the panel shows, and the token to answer it while it waits. */
export interface ApprovalInfo {
  readonly actionName: string;
  readonly customData?: string;
  readonly externalEntityLink?: string;
  /** Present while it waits for an answer. */
  readonly token?: string;
  /** The execution it waits in. */
  readonly executionId?: string;
}

export type ApprovalContextResult =
  | { readonly status: "ok"; readonly approvals: readonly ApprovalInfo[]; readonly changes: ChangesSince }
  | InvalidInput
  | AccessRefusal
  | Failed;

/** Executions a stage can be rolled back to: they succeeded in it, on the current pipeline version, and are no rollbacks. */
export type RollbackTargetsResult =
  | { readonly status: "ok"; readonly pipelineVersion: number; readonly targets: readonly PipelineExecutionSummary[]; readonly unavailable?: string }
  | InvalidInput
  | AccessRefusal
  | Failed;
