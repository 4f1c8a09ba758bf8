/**
 * "Where is my commit": given a source revision id (a commit, an S3 version, an image digest —
 * whatever ListPipelineExecutions reports in `sourceRevisions`,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_SourceRevision.html), which
 * stages it has passed, where it is now, and where it failed, from the executions that carried
 * it and their action runs (ListActionExecutions). Pure.
 */
import type { ActionExecutionView, PipelineExecutionSummary } from "./view-model";

/** A stage of the deployed pipeline and its actions' names (from GetPipeline). */
export interface StageOutline {
  readonly name: string;
  readonly actions: readonly string[];
}

export interface ExecutionRuns {
  readonly summary: PipelineExecutionSummary;
  readonly actions: readonly ActionExecutionView[];
}

export type StageProgress = "passed" | "in-progress" | "failed" | "stopped" | "not-reached";

export interface StageTrack {
  readonly stageName: string;
  readonly progress: StageProgress;
  /** The execution that decided `progress` (absent for not-reached). */
  readonly executionId?: string;
}

export interface RevisionTrack {
  readonly query: string;
  /** The executions that carry the revision, newest first, with the revision as they report it. */
  readonly executions: ReadonlyArray<{ readonly executionId: string; readonly status?: string; readonly startTime?: string; readonly actionName: string; readonly revisionId: string; readonly revisionSummary?: string }>;
  readonly stages: readonly StageTrack[];
  /** The stage it is in now, if an execution carrying it runs. */
  readonly current?: string;
  /** The first stage it has not passed and failed (or was stopped) in. */
  readonly failedAt?: string;
  /** Whether it has passed every stage. */
  readonly released: boolean;
}

const HEX = /^[0-9a-f]+$/i;

/**
 * Whether a pasted or linked id names this revision: the same id, or for commit-like ids a prefix
 * of at least 7 characters (a short SHA), ignoring case and a `sha256:` prefix.
 */
export function revisionMatches(query: string, revisionId: string | undefined): boolean {
  if (!revisionId) return false;
  const q = query.trim().toLowerCase().replace(/^sha256:/, "");
  const id = revisionId.toLowerCase().replace(/^sha256:/, "");
  if (q === "") return false;
  return q === id || (q.length >= 7 && HEX.test(q) && id.startsWith(q));
}

/** How one stage went in one execution, from the latest attempt of each declared action. */
export function stageProgressIn(stage: StageOutline, actions: readonly ActionExecutionView[]): StageProgress {
  const latest = new Map<string, ActionExecutionView>();
  for (const run of actions) {
    if (run.stageName !== stage.name) continue;
    const seen = latest.get(run.actionName);
    if (!seen || (run.startTime ?? "") >= (seen.startTime ?? "")) latest.set(run.actionName, run);
  }
  if (latest.size === 0) return "not-reached";
  const statuses = [...latest.values()].map((r) => r.status);
  if (statuses.includes("InProgress")) return "in-progress";
  if (statuses.includes("Failed")) return "failed";
  if (statuses.includes("Abandoned")) return "stopped";
  const allDone = stage.actions.length > 0 ? stage.actions.every((a) => latest.get(a)?.status === "Succeeded") : statuses.every((s) => s === "Succeeded");
  // Some actions done, later runOrder groups not yet started.
  return allDone ? "passed" : "in-progress";
}

const RANK: Record<StageProgress, number> = { passed: 4, "in-progress": 3, failed: 2, stopped: 1, "not-reached": 0 };

export function trackRevision(query: string, stages: readonly StageOutline[], executions: readonly ExecutionRuns[]): RevisionTrack {
  const carrying = executions
    .map((e) => ({ e, revision: e.summary.sourceRevisions.find((r) => revisionMatches(query, r.revisionId)) }))
    .filter((x): x is { e: ExecutionRuns; revision: NonNullable<typeof x.revision> } => x.revision !== undefined)
    .sort((a, b) => (b.e.summary.startTime ?? "").localeCompare(a.e.summary.startTime ?? ""));

  const tracks: StageTrack[] = stages.map((stage) => {
    let best: StageTrack = { stageName: stage.name, progress: "not-reached" };
    // Newest first: among equally ranked outcomes the newest execution wins.
    for (const { e } of carrying) {
      const progress = stageProgressIn(stage, e.actions);
      // An in-progress stage of a finished (stopped, superseded, failed) execution is not moving.
      const live = progress === "in-progress" && e.summary.status !== undefined && e.summary.status !== "InProgress" && e.summary.status !== "Stopping" ? "stopped" : progress;
      if (RANK[live] > RANK[best.progress]) best = { stageName: stage.name, progress: live, executionId: e.summary.executionId };
    }
    return best;
  });

  const current = tracks.find((t) => t.progress === "in-progress")?.stageName;
  const firstNotPassed = tracks.find((t) => t.progress !== "passed");
  const failedAt = firstNotPassed && (firstNotPassed.progress === "failed" || firstNotPassed.progress === "stopped") ? firstNotPassed.stageName : undefined;
  return {
    query: query.trim(),
    executions: carrying.map(({ e, revision }) => ({
      executionId: e.summary.executionId,
      ...(e.summary.status !== undefined && { status: e.summary.status }),
      ...(e.summary.startTime !== undefined && { startTime: e.summary.startTime }),
      actionName: revision.actionName,
      revisionId: revision.revisionId!,
      ...(revision.revisionSummary !== undefined && { revisionSummary: revision.revisionSummary }),
    })),
    stages: tracks,
    ...(current !== undefined && { current }),
    ...(failedAt !== undefined && { failedAt }),
    released: carrying.length > 0 && tracks.length > 0 && tracks.every((t) => t.progress === "passed"),
  };
}
