"use client";

import { usePipelineMount } from "../state/mount-points";
import type { StartChoices } from "@/lib/domain/execution/start-choices";
import { OperationsNote } from "./operations-note";
import { StartDialog } from "./start-dialog";
import { StopDialog } from "./stop-dialog";

/**
 * The pipeline-level operations in the state page's `headerActions` slot: release a change, and
 * stop the latest execution while it runs. The declaration's variables and source actions come
 * from the page; the live state from the page's poll.
 */
export function PipelineControls({ choices }: { choices: StartChoices }) {
  const { pipeline, board } = usePipelineMount();
  const latest = board?.latestExecution;
  const running = latest?.status === "InProgress" || latest?.status === "Stopping";
  return (
    <>
      <OperationsNote />
      <StartDialog pipeline={pipeline} choices={choices} />
      {latest && <StopDialog key={latest.executionId} pipeline={pipeline} executionId={latest.executionId} stopping={latest.status === "Stopping"} available={running} />}
    </>
  );
}
