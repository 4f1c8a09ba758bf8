/**
 * Who enters a stage next. Executions that finished a stage (or just started) wait at the
 * boundary of the next one; per execution mode:
 *
 *  - SUPERSEDED: a stage holds one execution at a time; of those waiting at the same boundary
 *    only the newest survives, the older become Superseded.
 *  - QUEUED: a stage holds one execution at a time; waiting executions enter in arrival order.
 *  - PARALLEL: no locking; every waiting execution enters.
 *
 * A disabled inbound transition (or the previous stage's disabled outbound transition) holds
 * all of them at the boundary; once enabled, the rule above picks who proceeds.
 */
import type { PlanCache } from "./plans";
import type { ExecutionRecord, PipelineExecutionStatus } from "./records";
import type { ExecutionStore } from "./store";

/**
 * What admission needs from the runner: the state it reads and the two moves it makes. The
 * runner implements it and calls `admitWaiting`, so admission must not import the runner.
 */
export interface AdmissionDeps {
  readonly store: ExecutionStore;
  readonly plans: PlanCache;
  enterStage(execution: ExecutionRecord, now: number): void;
  finish(execution: ExecutionRecord, status: PipelineExecutionStatus, now: number, summary?: string): void;
}

export const SUPERSEDED_SUMMARY = "This execution was superseded by a newer execution that reached the same stage.";

/** Returns true when something changed. */
export function admitWaiting(runner: AdmissionDeps, pipelineName: string, now: number): boolean {
  const waiting = runner.store.activeExecutions(pipelineName).filter((e) => !e.inStage && e.status === "InProgress");
  if (waiting.length === 0) return false;
  let changed = false;
  for (const [stageName, group] of groupByStage(runner, waiting)) {
    const newest = group[group.length - 1] as ExecutionRecord;
    let candidates: ExecutionRecord[];
    if (newest.executionMode === "SUPERSEDED") {
      for (const older of group.slice(0, -1)) {
        runner.finish(older, "Superseded", now, SUPERSEDED_SUMMARY);
        changed = true;
      }
      candidates = [newest];
    } else if (newest.executionMode === "QUEUED") {
      candidates = [group[0] as ExecutionRecord];
    } else {
      candidates = group;
    }
    for (const execution of candidates) {
      if (!transitionOpen(runner, execution)) continue;
      if (execution.executionMode !== "PARALLEL" && isOccupied(runner, pipelineName, stageName, execution.id)) continue;
      runner.enterStage(execution, now);
      changed = true;
    }
  }
  return changed;
}

/** Executions at a boundary, keyed by the stage they wait for, oldest first. */
export function groupByStage(runner: Pick<AdmissionDeps, "plans">, waiting: readonly ExecutionRecord[]): Map<string, ExecutionRecord[]> {
  const groups = new Map<string, ExecutionRecord[]>();
  for (const execution of waiting) {
    const plan = runner.plans.get(execution.pipelineName, execution.pipelineVersion);
    const stageName = plan?.stages[execution.stageIndex]?.name;
    if (stageName === undefined) continue;
    const list = groups.get(stageName) ?? [];
    list.push(execution);
    groups.set(stageName, list);
  }
  return groups;
}

export function transitionOpen(runner: Pick<AdmissionDeps, "store" | "plans">, execution: ExecutionRecord): boolean {
  const plan = runner.plans.get(execution.pipelineName, execution.pipelineVersion);
  const stage = plan?.stages[execution.stageIndex];
  if (!plan || !stage) return false;
  const inbound = runner.store.getTransition(plan.name, stage.name, "Inbound");
  if (inbound && !inbound.enabled) return false;
  const previous = plan.stages[execution.stageIndex - 1];
  if (previous) {
    const outbound = runner.store.getTransition(plan.name, previous.name, "Outbound");
    if (outbound && !outbound.enabled) return false;
  }
  return true;
}

function isOccupied(runner: Pick<AdmissionDeps, "store">, pipelineName: string, stageName: string, except: string): boolean {
  return runner.store.occupants(pipelineName, stageName).some((s) => s.executionId !== except);
}
