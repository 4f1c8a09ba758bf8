"use client";

import { useStageMount } from "../state/mount-points";
import { ApprovalDialog } from "./approval-dialog";
import { RetryDialog } from "./retry-dialog";
import { RollbackDialog } from "./rollback-dialog";
import { TransitionDialog } from "./transition-dialog";
import { useAnswerableApprovals, type WaitingApproval } from "./use-answerable-approvals";

/**
 * The stage-level operations in each stage card of the state page (`stageActions` slot): answer
 * a waiting approval, retry a failed or stopped stage, the inbound transition, and roll back (V2,
 * not PARALLEL, not the first stage).
 */
export function StageControls({ v2, parallel }: { v2: boolean; parallel: boolean }) {
  const { pipeline, board, stage } = useStageMount();
  const first = board.stages[0]?.stageName === stage.stageName;
  const waiting: WaitingApproval[] = stage.executionId
    ? stage.actions.flatMap((a) => (a.status === "InProgress" && a.approvalToken ? [{ actionName: a.actionName, token: a.approvalToken, executionId: stage.executionId! }] : []))
    : [];
  const approvals = useAnswerableApprovals(waiting);
  const retryable = stage.executionId !== undefined && (stage.status === "Failed" || stage.status === "Stopped");
  return (
    <div className="flex flex-wrap gap-2" data-testid="stage-operations">
      {approvals.map((a) => (
        <ApprovalDialog
          key={`${a.actionName} ${a.token}`}
          pipeline={pipeline}
          stageName={stage.stageName}
          actionName={a.actionName}
          token={a.token}
          executionId={a.executionId}
          available={a.available}
        />
      ))}
      {stage.executionId && <RetryDialog key={stage.executionId} pipeline={pipeline} stageName={stage.stageName} executionId={stage.executionId} available={retryable} />}
      {!first && <TransitionDialog pipeline={pipeline} stageName={stage.stageName} transition={stage.inboundTransition} />}
      {v2 && !parallel && !first && <RollbackDialog pipeline={pipeline} stageName={stage.stageName} />}
    </div>
  );
}
