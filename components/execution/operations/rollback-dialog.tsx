"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { rollbackStageAction } from "@/app/pipelines/[name]/actions";
import { rollbackTargetsQuery, type PipelineKey } from "@/lib/queries";
import { Choice, PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

/**
 * RollbackStage (V2): rerun a stage with the revisions of an earlier execution that succeeded in
 * it on the current pipeline version (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html).
 */
export function RollbackDialog({ pipeline, stageName }: { pipeline: PipelineKey; stageName: string }) {
  const [opened, setOpened] = useState(false);
  const targets = useQuery(rollbackTargetsQuery(pipeline, stageName, opened));
  const op = useOperation(pipeline, rollbackStageAction);
  const [target, setTarget] = useState("");
  const list = targets.data?.status === "ok" ? targets.data : undefined;
  return (
    <OperationDialog mutation="rollback"
      label="Roll back"
      title={`Roll back stage ${stageName}`}
      testId={`rollback-dialog-${stageName}`}
      onOpen={() => {
        setOpened(true);
        setTarget("");
        op.reset();
        void targets.refetch();
      }}
    >
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target) op.mutate({ pipelineName: pipeline.name, ...(pipeline.region && { region: pipeline.region }), stageName, targetExecutionId: target });
          }}
        >
          {targets.isFetching && <p role="status">Reading earlier executions…</p>}
          {targets.data && targets.data.status !== "ok" && <p role="alert">{targets.data.message}</p>}
          {list?.unavailable && (
            <p role="alert" data-testid="rollback-unavailable">
              {list.unavailable}
            </p>
          )}
          {list && !list.unavailable && list.targets.length === 0 && <p>No earlier execution of version {list.pipelineVersion} succeeded in {stageName}.</p>}
          {list && list.targets.length > 0 && (
            <fieldset>
              <legend className="font-medium">Roll back to (succeeded in {stageName}, pipeline version {list.pipelineVersion})</legend>
              {list.targets.map((t) => (
                <Choice
                  key={t.executionId}
                  name={`rollback-${stageName}`}
                  value={t.executionId}
                  checked={target === t.executionId}
                  onChange={setTarget}
                  label={t.executionId}
                  hint={`${t.startTime ?? ""} ${t.sourceRevisions.map((r) => `${r.revisionId?.slice(0, 8) ?? ""} ${r.revisionSummary ?? ""}`).join("; ")}`}
                />
              ))}
            </fieldset>
          )}
          <SubmitRow>
            <PrimaryButton testId="rollback-submit" danger disabled={!target || op.isPending || op.data?.status === "done"}>
              Roll back
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Starting the rollback…" result={op.data} error={op.error} />
        </form>
      )}
    </OperationDialog>
  );
}
