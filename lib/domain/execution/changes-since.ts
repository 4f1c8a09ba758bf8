/**
 * What an approver is asked to let through: the source revisions that arrived since the last
 * execution that succeeded in the approval's stage (ListPipelineExecutions with the
 * `succeededInStage` filter, https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineExecutionFilter.html),
 * up to the execution waiting now, newest first, each once. Pure.
 */
import type { PipelineExecutionSummary, SourceRevisionView } from "./view-model";

export interface ChangedRevision extends SourceRevisionView {
  /** The newest execution between the two that carried it. */
  readonly executionId: string;
}

export interface ChangesSince {
  /** The last execution that succeeded in the stage; absent when none did (everything is new). */
  readonly since?: PipelineExecutionSummary;
  readonly revisions: readonly ChangedRevision[];
}

/**
 * @param history executions newest first, including `currentId` and (when present) `sinceId`.
 * @param sinceId the last execution that succeeded in the stage, other than the current one.
 */
export function changesSince(history: readonly PipelineExecutionSummary[], currentId: string, sinceId: string | undefined): ChangesSince {
  const from = history.findIndex((e) => e.executionId === currentId);
  const sinceIndex = sinceId === undefined ? -1 : history.findIndex((e) => e.executionId === sinceId);
  const since = sinceIndex >= 0 ? history[sinceIndex] : undefined;
  if (from < 0) return { ...(since && { since }), revisions: [] };
  // Executions after `since` (newer) up to the current one; all older ones when nothing succeeded.
  const window = history.slice(from, sinceIndex > from ? sinceIndex : history.length);
  const released = new Set((since?.sourceRevisions ?? []).map((r) => `${r.actionName}\u0000${r.revisionId ?? ""}`));
  const seen = new Set<string>();
  const revisions: ChangedRevision[] = [];
  for (const execution of window) {
    for (const revision of execution.sourceRevisions) {
      const key = `${revision.actionName}\u0000${revision.revisionId ?? ""}`;
      if (revision.revisionId === undefined || released.has(key) || seen.has(key)) continue;
      seen.add(key);
      revisions.push({ ...revision, executionId: execution.executionId });
    }
  }
  return { ...(since && { since }), revisions };
}
