"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { answerApprovalAction } from "@/app/pipelines/[name]/actions";
import { approvalContextQuery, type PipelineKey } from "@/lib/queries";
import { INPUT_CLASS, PrimaryButton, SafeLink, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * Approve or reject a waiting manual approval (PutApprovalResult,
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-approve-or-reject.html).
 * The panel shows the approval's custom data and URL, and what changed since the last execution
 * that got through this stage, so the approver knows what they let through.
 */
export function ApprovalDialog({
  pipeline,
  stageName,
  actionName,
  token,
  executionId,
  available,
}: {
  pipeline: PipelineKey;
  stageName: string;
  actionName: string;
  token: string;
  executionId: string;
  /** Still waiting for an answer; once answered, an open dialog stays with its outcome. */
  available: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const context = useQuery(approvalContextQuery(pipeline, stageName, executionId, opened));
  const op = useOperation(pipeline, answerApprovalAction);
  const [summary, setSummary] = useState("");
  const info = context.data?.status === "ok" ? context.data : undefined;
  const approval = info?.approvals.find((a) => a.actionName === actionName);

  const answer = (status: "Approved" | "Rejected") =>
    op.mutate({ pipelineName: pipeline.name, ...(pipeline.region && { region: pipeline.region }), stageName, actionName, token, status, summary });

  return (
    <OperationDialog mutation="approve"
      label={`Review ${actionName}`}
      title={`Approval: ${stageName} / ${actionName}`}
      testId={`approval-dialog-${stageName}-${actionName}`}
      available={available}
      onOpen={() => {
        setOpened(true);
        op.reset();
        void context.refetch();
      }}
    >
      {() => (
        <form onSubmit={(e) => e.preventDefault()}>
          {context.isPending && opened && <p role="status">Reading the approval…</p>}
          {context.data && context.data.status !== "ok" && (
            <p role="alert" className="text-red-800 dark:text-red-200">
              {context.data.message}
            </p>
          )}
          {approval?.customData !== undefined && (
            <section aria-label="Custom data">
              <h3 className="font-medium">Comments for reviewers</h3>
              <p data-testid="approval-custom-data" className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 dark:bg-slate-800">
                {approval.customData}
              </p>
            </section>
          )}
          {approval?.externalEntityLink !== undefined && (
            <p className="mt-2" data-testid="approval-link">
              URL for review: <SafeLink href={approval.externalEntityLink}>{approval.externalEntityLink}</SafeLink>
            </p>
          )}
          {info && (
            <section aria-label="Changes since the last release" className="mt-3" data-testid="approval-changes">
              <h3 className="font-medium">
                Changes since{" "}
                {info.changes.since ? (
                  <>
                    the last release through {stageName} (<span className="font-mono text-xs">{info.changes.since.executionId}</span>)
                  </>
                ) : (
                  "the start of the history (nothing went through this stage yet)"
                )}
              </h3>
              {info.changes.revisions.length === 0 ? (
                <p className="mt-1 text-slate-600 dark:text-slate-400">No new source revisions.</p>
              ) : (
                <ul className="mt-1 space-y-1">
                  {info.changes.revisions.map((r) => (
                    <li key={`${r.actionName} ${r.revisionId}`} data-testid="approval-change">
                      <span className="font-mono text-xs">{r.revisionId?.slice(0, 12)}</span> <span className="text-slate-600 dark:text-slate-400">({r.actionName})</span>{" "}
                      {r.revisionSummary ?? ""}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <label className="mt-3 block">
            Summary (up to 512 characters)
            <textarea className={INPUT_CLASS} data-testid="approval-summary" rows={2} maxLength={512} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <SubmitRow>
            <PrimaryButton type="button" testId="approval-reject" danger disabled={op.isPending || op.data?.status === "done"} onClick={() => answer("Rejected")}>
              Reject
            </PrimaryButton>
            <PrimaryButton type="button" testId="approval-approve" disabled={op.isPending || op.data?.status === "done"} onClick={() => answer("Approved")}>
              Approve
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Sending the answer…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
