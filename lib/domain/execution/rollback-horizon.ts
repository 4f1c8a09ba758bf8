/**
 * Saving a new pipeline version takes the earlier executions out of reach of rollback: a stage can
 * only be rolled back to an execution of the current pipeline version
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html), and automatic
 * rollback goes to the last successful execution of the current version
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html). Before a push,
 * the review counts the successful runs of the live version that would stop being targets.
 */
import type { PipelineExecutionStatus } from "./status";
import type { ExecutionType } from "./view-model";

export interface VersionedRun {
  readonly status?: PipelineExecutionStatus;
  readonly executionType?: ExecutionType;
  /** GetPipelineExecution's pipelineVersion (ListPipelineExecutions does not carry it). */
  readonly pipelineVersion?: number;
}

export interface RollbackHorizon {
  /** Successful standard runs of the live version: what a push removes as rollback targets. */
  readonly count: number;
  /** The count stopped at the reading limit: there are at least this many. */
  readonly atLeast: boolean;
}

/**
 * Runs newest first, as ListPipelineExecutions gives them. Versions only grow with time, so the
 * first run of an older version ends the count. Rollback executions are never targets themselves.
 */
export function rollbackHorizon(runsNewestFirst: readonly VersionedRun[], liveVersion: number, exhausted: boolean): RollbackHorizon {
  let count = 0;
  for (const run of runsNewestFirst) {
    if (run.pipelineVersion !== undefined && run.pipelineVersion < liveVersion) return { count, atLeast: false };
    if (run.pipelineVersion === liveVersion && run.status === "Succeeded" && (run.executionType ?? "STANDARD") === "STANDARD") count++;
  }
  return { count, atLeast: !exhausted };
}

/** The review's warning in words; undefined when no successful run would be lost. */
export function rollbackHorizonNotice(h: RollbackHorizon, liveVersion: number): string | undefined {
  if (h.count === 0) return undefined;
  const runs = `${h.atLeast ? "at least " : ""}${h.count} successful ${h.count === 1 ? "run" : "runs"}`;
  return `Pushing saves a new pipeline version. Rollback can only target executions of the current version, so the ${runs} of version ${liveVersion} will no longer be rollback targets (manual or automatic).`;
}
