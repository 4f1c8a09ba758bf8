"use client";

import { useState } from "react";
import { stopExecutionAction } from "@/app/pipelines/[name]/actions";
import type { PipelineKey } from "@/lib/queries";
import { Choice, INPUT_CLASS, PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * StopPipelineExecution: "stop and wait" lets running actions finish; "stop and abandon" leaves
 * them (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-stop.html).
 */
export function StopDialog({ pipeline, executionId, stopping, available }: { pipeline: PipelineKey; executionId: string; stopping: boolean; available: boolean }) {
  const op = useOperation(pipeline, stopExecutionAction);
  const [mode, setMode] = useState(stopping ? "abandon" : "wait");
  const [reason, setReason] = useState("");
  return (
    <OperationDialog mutation="stop" label="Stop execution" title="Stop this execution" testId="stop-dialog" tone="danger" available={available} onOpen={() => op.reset()}>
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            op.mutate({
              pipelineName: pipeline.name,
              ...(pipeline.region && { region: pipeline.region }),
              executionId,
              abandon: mode === "abandon",
              ...(reason.trim() && { reason: reason.trim() }),
            });
          }}
        >
          <fieldset>
            <legend className="sr-only">How to stop</legend>
            <Choice name="stop-mode" value="wait" checked={mode === "wait"} onChange={setMode} label="Stop and wait" hint="Running actions finish; nothing new starts." />
            <Choice name="stop-mode" value="abandon" checked={mode === "abandon"} onChange={setMode} label="Stop and abandon" hint="Running actions are abandoned at once; they may leave work half done." />
          </fieldset>
          <label className="mt-3 block">
            Reason (optional, up to 200 characters)
            <input className={INPUT_CLASS} data-testid="stop-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <SubmitRow>
            <PrimaryButton testId="stop-submit" danger disabled={op.isPending}>
              {mode === "abandon" ? "Stop and abandon" : "Stop and wait"}
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Stopping…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
