"use client";

import { useState } from "react";
import { retryStageAction } from "@/app/pipelines/[name]/actions";
import type { PipelineKey } from "@/lib/queries";
import { Choice, PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * RetryStageExecution on a failed or stopped stage of the latest execution
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-retry.html).
 */
export function RetryDialog({ pipeline, stageName, executionId, available }: { pipeline: PipelineKey; stageName: string; executionId: string; available: boolean }) {
  const op = useOperation(pipeline, retryStageAction);
  const [mode, setMode] = useState<"FAILED_ACTIONS" | "ALL_ACTIONS">("FAILED_ACTIONS");
  return (
    <OperationDialog mutation="retry" label="Retry stage" title={`Retry stage ${stageName}`} testId={`retry-dialog-${stageName}`} available={available} onOpen={() => op.reset()}>
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            op.mutate({ pipelineName: pipeline.name, ...(pipeline.region && { region: pipeline.region }), stageName, executionId, retryMode: mode });
          }}
        >
          <fieldset>
            <legend className="sr-only">What to run again</legend>
            <Choice name={`retry-${stageName}`} value="FAILED_ACTIONS" checked={mode === "FAILED_ACTIONS"} onChange={(v) => setMode(v as typeof mode)} label="Failed actions only" hint="Actions that succeeded keep their results." />
            <Choice name={`retry-${stageName}`} value="ALL_ACTIONS" checked={mode === "ALL_ACTIONS"} onChange={(v) => setMode(v as typeof mode)} label="All actions" hint="Every action of the stage runs again." />
          </fieldset>
          <SubmitRow>
            <PrimaryButton testId="retry-submit" disabled={op.isPending}>
              Retry
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Retrying…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
