"use client";

import { overrideStageCondition } from "@/app/pipelines/[name]/actions";
import type { OverridableConditionType } from "@/lib/domain/execution/run-details-view";
import type { PipelineKey } from "@/lib/queries";
import { PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * OverrideStageCondition: let an execution through the entry or success condition that holds a
 * stage (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html), for
 * operators; the server checks the role and the read-only switch again.
 */
export function OverrideDialog({ pipeline, stageName, executionId, conditionType, available }: {
  pipeline: PipelineKey;
  stageName: string;
  executionId: string;
  conditionType: OverridableConditionType;
  available: boolean;
}) {
  const op = useOperation(pipeline, overrideStageCondition);
  const which = conditionType === "BEFORE_ENTRY" ? "entry" : "success";
  return (
    <OperationDialog mutation="override" label="Override" title={`Override the ${which} condition of ${stageName}`} testId={`override-dialog-${stageName}-${conditionType}`} available={available} onOpen={() => op.reset()}>
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            op.mutate({ pipelineName: pipeline.name, ...(pipeline.region && { region: pipeline.region }), stageName, executionId, conditionType });
          }}
        >
          <p className="text-sm">
            Execution <span className="font-mono">{executionId}</span> goes on as if the {which} condition of {stageName} were met: its rules are not waited for.
          </p>
          <SubmitRow>
            <PrimaryButton testId="override-submit" disabled={op.isPending}>
              Override
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Overriding…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
