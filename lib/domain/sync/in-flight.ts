/**
 * What a push does to executions in flight. UpdatePipeline ends them as CodePipeline does (the
 * emulator's executions/operations/lifecycle.ts follows the same rules): unless the pipeline is
 * and stays PARALLEL, an execution inside a stage is cancelled once its running actions finish
 * (a waiting approval is abandoned), one waiting between stages is cancelled at once; PARALLEL
 * executions keep running on the version they started with
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works.html).
 */
import type { PipelineExecutionSummary, PipelineStateView } from "../execution/view-model";
import { isObject } from "../json";

export interface InFlightExecution {
  readonly executionId: string;
  readonly status: "InProgress" | "Stopping";
  readonly startTime?: string;
  /** What it is building: each source action's revision (commit, object version...). */
  readonly sourceRevisions: ReadonlyArray<{ readonly actionName: string; readonly revisionId?: string; readonly revisionSummary?: string }>;
  /** The stage it is running in, when the pipeline state shows it. */
  readonly currentStage?: string;
  /** The stage it waits to enter (a disabled transition holds it), when it is between stages. */
  readonly waitingBefore?: string;
}

/** The executions a push would end, newest first, placed in their stage. */
export function inFlightExecutions(summaries: readonly PipelineExecutionSummary[], state?: PipelineStateView): InFlightExecution[] {
  const out: InFlightExecution[] = [];
  for (const s of summaries) {
    if (s.status !== "InProgress" && s.status !== "Stopping") continue;
    const running = state?.stages.find((stage) => stage.latestExecution?.executionId === s.executionId && (stage.latestExecution.status === "InProgress" || stage.latestExecution.status === "Stopping"));
    const waiting = running ? undefined : state?.stages.find((stage) => stage.inboundExecutions.some((e) => e.executionId === s.executionId));
    out.push({
      executionId: s.executionId,
      status: s.status,
      ...(s.startTime !== undefined && { startTime: s.startTime }),
      sourceRevisions: s.sourceRevisions.map((r) => ({
        actionName: r.actionName,
        ...(r.revisionId !== undefined && { revisionId: r.revisionId }),
        ...(r.revisionSummary !== undefined && { revisionSummary: r.revisionSummary }),
      })),
      ...(running && { currentStage: running.stageName }),
      ...(waiting && { waitingBefore: waiting.stageName }),
    });
  }
  return out;
}

/** The warning the review shows before a push; undefined when nothing runs or nothing is ended. */
export function inFlightNotice(executions: readonly InFlightExecution[], liveMode: unknown, draftMode: unknown): string | undefined {
  if (executions.length === 0) return undefined;
  if (modeOf(liveMode) === "PARALLEL" && modeOf(draftMode) === "PARALLEL") {
    return `${count(executions.length)} in flight will keep running on the current version (PARALLEL mode).`;
  }
  const named = executions.map(describeExecution).join("; ");
  return `Pushing ends ${count(executions.length)} in flight: CodePipeline lets running actions finish, then cancels the execution (a waiting approval is abandoned). ${named}.`;
}

/** "abc123 (commit 1a2b3c4: Fix login) in Build". */
export function describeExecution(e: InFlightExecution): string {
  const revision = e.sourceRevisions.find((r) => r.revisionId !== undefined);
  const what = revision ? ` (${revision.actionName} ${revision.revisionId!.slice(0, 12)}${revision.revisionSummary ? `: ${firstLine(revision.revisionSummary)}` : ""})` : "";
  const where = e.currentStage ? ` in ${e.currentStage}` : e.waitingBefore ? ` waiting before ${e.waitingBefore}` : "";
  return `${e.executionId}${what}${where}`;
}

function modeOf(mode: unknown): string {
  return typeof mode === "string" ? mode : "SUPERSEDED";
}

function count(n: number): string {
  return n === 1 ? "1 execution" : `${n} executions`;
}

/** Revision summaries are often JSON ({"ProviderType": ..., "CommitMessage": ...}) or multi-line. */
function firstLine(summary: string): string {
  let text = summary;
  try {
    const parsed: unknown = JSON.parse(summary);
    if (isObject(parsed) && typeof parsed.CommitMessage === "string") text = parsed.CommitMessage;
  } catch {
    // Plain text.
  }
  const line = text.split("\n")[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
