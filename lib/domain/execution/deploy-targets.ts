/**
 * Per-target progress of the deploy actions that report it through ListDeployActionExecutionTargets
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html):
 * the EC2 deploy action's instances (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-EC2Deploy.html)
 * and the Lambda deploy action's traffic-shifting steps
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-LambdaDeploy.html).
 */
import type { DeployTargetView } from "./run-details-view";

/** What the detail page holds per action run: the targets, or why they could not be read. */
export type DeployTargetsRead = { readonly ok: true; readonly targets: readonly DeployTargetView[] } | { readonly ok: false; readonly message: string };

/** The deploy actions ListDeployActionExecutionTargets reports targets for. */
export function reportsDeployTargets(actionTypeId: { readonly category: string; readonly owner: string; readonly provider: string } | undefined): boolean {
  return actionTypeId?.category === "Deploy" && actionTypeId.owner === "AWS" && (actionTypeId.provider === "EC2" || actionTypeId.provider === "Lambda");
}

export type TargetTone = "done" | "failed" | "running" | "waiting";

/** A target status in the app's terms; undocumented values are chosen by their words (Succeeded, Failed, InProgress, Pending …). */
export function targetTone(status: string | undefined): TargetTone {
  const s = (status ?? "").toLowerCase();
  if (s === "succeeded" || s === "success" || s === "completed" || s === "skipped") return "done";
  if (s === "failed" || s === "error" || s === "errored" || s === "timedout" || s === "stopped" || s === "abandoned") return "failed";
  if (s === "inprogress" || s === "in_progress" || s === "running") return "running";
  return "waiting";
}

export interface TargetProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly running: number;
  /** "2 of 5 targets done, 1 failed, 1 in progress". */
  readonly words: string;
}

export function targetProgress(targets: readonly DeployTargetView[]): TargetProgress {
  const count = (tone: TargetTone) => targets.filter((t) => targetTone(t.status) === tone).length;
  const done = count("done");
  const failed = count("failed");
  const running = count("running");
  const parts = [`${done} of ${targets.length} ${targets.length === 1 ? "target" : "targets"} done`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (running > 0) parts.push(`${running} in progress`);
  return { total: targets.length, done, failed, running, words: parts.join(", ") };
}
