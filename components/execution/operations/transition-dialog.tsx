"use client";

import { useState } from "react";
import { changeTransitionAction } from "@/app/pipelines/[name]/actions";
import { sanitizeTransitionReason } from "@/lib/domain/execution/operation-inputs";
import type { TransitionView } from "@/lib/domain/execution/view-model";
import type { PipelineKey } from "@/lib/queries";
import { INPUT_CLASS, PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * Disable (with a reason) or enable the transition into a stage
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/transitions.html). AWS accepts only
 * letters, digits, spaces and ! @ ( ) . * ? - in the reason: the dialog shows what it will send.
 */
export function TransitionDialog({ pipeline, stageName, transition }: { pipeline: PipelineKey; stageName: string; transition: TransitionView }) {
  const op = useOperation(pipeline, changeTransitionAction);
  const [reason, setReason] = useState("");
  const sent = sanitizeTransitionReason(reason);
  const enabled = transition.enabled;
  return (
    <OperationDialog mutation="transition"
      label={enabled ? "Disable transition" : "Enable transition"}
      title={`${enabled ? "Disable" : "Enable"} the transition into ${stageName}`}
      testId={`transition-dialog-${stageName}`}
      onOpen={() => {
        op.reset();
        setReason("");
      }}
    >
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            op.mutate({ pipelineName: pipeline.name, ...(pipeline.region && { region: pipeline.region }), stageName, transitionType: "Inbound", enable: !enabled, ...(enabled && { reason }) });
          }}
        >
          {enabled ? (
            <>
              <p className="text-slate-600 dark:text-slate-400">Executions wait before {stageName} until the transition is enabled again.</p>
              <label className="mt-3 block">
                Reason
                <input className={INPUT_CLASS} data-testid="transition-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} required />
              </label>
              <p className="mt-2 text-slate-600 dark:text-slate-400" aria-live="polite">
                Will be sent as: <q data-testid="transition-reason-sent">{sent}</q>
                {sent !== reason.trim() && reason.trim() !== "" && " (CodePipeline accepts only letters, digits, spaces and ! @ ( ) . * ? -)"}
              </p>
            </>
          ) : (
            <p>
              Disabled{transition.lastChangedBy ? ` by ${transition.lastChangedBy}` : ""}
              {transition.lastChangedAt ? ` at ${transition.lastChangedAt}` : ""}: {transition.disabledReason ?? "no reason given"}.
            </p>
          )}
          <SubmitRow>
            <PrimaryButton testId="transition-submit" danger={enabled} disabled={op.isPending || op.data?.status === "done"}>
              {enabled ? "Disable transition" : "Enable transition"}
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Changing the transition…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
