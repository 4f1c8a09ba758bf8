/**
 * The execution state machine. Every step takes `now` (epoch ms) explicitly, so the same code
 * drives live executions (real clock, scaled durations) and the demo history (a virtual clock
 * in the past). `advance(now)` repeats until nothing changes:
 *
 *  1. actions whose simulated work is due complete (Succeeded / Failed; approvals time out);
 *  2. executions inside a stage move on once the running runOrder group has settled: the next
 *     group starts, or the stage fails / is stopped / is cancelled / succeeds and the execution
 *     moves to the boundary of the next stage;
 *  3. executions waiting at a stage boundary are admitted by the execution mode's rule
 *     (admission.ts) when the inbound transition is enabled.
 */
import { closeAction, completeAction, startAction, type ActionRunDeps } from "./action-runs";
import { admitWaiting, type AdmissionDeps } from "./admission";
import { isSourceAction, type ActionPlan, type PipelinePlan, type StagePlan } from "./pipeline-plan";
import type { PlanCache } from "./plans";
import type {
  ActionRecord,
  ExecutionRecord,
  ExecutionType,
  PipelineExecutionStatus,
  ResolvedVariable,
  SourceRevision,
  StageRecord,
} from "./records";
import type { Random } from "./simulation/random";
import { sourceRevisionFor, type RevisionOverride } from "./simulation/revisions";
import type { ExecutionStore } from "./store";

export interface RunnerOptions {
  readonly store: ExecutionStore;
  readonly plans: PlanCache;
  readonly timeScale: () => number;
  readonly random: Random;
  readonly newId: () => string;
}

export interface LaunchParams {
  readonly plan: PipelinePlan;
  readonly triggerType: string;
  readonly triggerDetail?: string;
  readonly variables: readonly ResolvedVariable[];
  readonly overrides?: readonly RevisionOverride[];
  readonly clientRequestToken?: string;
  readonly requestFingerprint?: string;
  readonly executionType?: ExecutionType;
  readonly rollbackTarget?: ExecutionRecord;
  /** Rollbacks start at (and run only) this stage. */
  readonly onlyStageIndex?: number;
}

/** Safety net against a logic loop; a real advance settles in a handful of rounds. */
const MAX_ROUNDS = 10_000;

export class Runner implements ActionRunDeps, AdmissionDeps {
  readonly store: ExecutionStore;
  readonly plans: PlanCache;
  readonly random: Random;
  private readonly options: RunnerOptions;

  constructor(options: RunnerOptions) {
    this.options = options;
    this.store = options.store;
    this.plans = options.plans;
    this.random = options.random;
  }

  newId(): string {
    return this.options.newId();
  }

  /** Real milliseconds that `seconds` of simulated time take at the current time scale. */
  realMs(seconds: number): number {
    return Math.max(1, Math.round((seconds * 1000) / this.options.timeScale()));
  }

  /** Brings every active execution (or one pipeline's) up to `now`. */
  advance(now: number, onlyPipeline?: string): void {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = this.completeDue(now, onlyPipeline);
      const names = onlyPipeline !== undefined ? [onlyPipeline] : this.store.activePipelineNames();
      for (const name of names) changed = this.progressPipeline(name, now) || changed;
      if (!changed) return;
    }
    throw new Error("execution engine did not settle");
  }

  // ---- starting executions ----------------------------------------------------------------

  launch(params: LaunchParams, now: number): ExecutionRecord {
    const { plan } = params;
    const target = params.rollbackTarget;
    const sourceRevisions: SourceRevision[] = target
      ? [...target.sourceRevisions]
      : (plan.stages[0]?.actions ?? [])
          .filter(isSourceAction)
          .map((a) => sourceRevisionFor(a, params.overrides ?? [], now, this.options.random));
    return this.store.insertExecution({
      id: this.options.newId(),
      pipelineName: plan.name,
      pipelineVersion: plan.version,
      status: "InProgress",
      executionMode: plan.executionMode,
      executionType: params.executionType ?? "STANDARD",
      triggerType: params.triggerType,
      triggerDetail: params.triggerDetail,
      cancelRequested: false,
      rollbackTarget: target?.id,
      clientRequestToken: params.clientRequestToken,
      requestFingerprint: params.requestFingerprint,
      stageIndex: params.onlyStageIndex ?? 0,
      inStage: false,
      lastStageIndex: params.onlyStageIndex,
      variables: target ? target.variables : params.variables,
      sourceRevisions,
      artifacts: target ? { ...target.artifacts } : {},
      namespaces: target ? { ...target.namespaces } : {},
      startMs: now,
      updatedMs: now,
    });
  }

  // ---- step 1: due actions ----------------------------------------------------------------

  private completeDue(now: number, onlyPipeline?: string): boolean {
    const due = this.store.dueActions(now, onlyPipeline);
    for (const action of due) completeAction(this, action, Math.min(now, action.dueMs ?? now));
    return due.length > 0;
  }

  /** Ends an in-progress action with a final status. */
  closeAction(action: ActionRecord, status: ActionRecord["status"], at: number): void {
    closeAction(this.store, action, status, at);
  }

  // ---- step 2: executions inside a stage --------------------------------------------------

  private progressPipeline(name: string, now: number): boolean {
    let changed = false;
    for (const execution of this.store.activeExecutions(name)) {
      if (execution.inStage) changed = this.progressStage(execution, now) || changed;
    }
    return admitWaiting(this, name, now) || changed;
  }

  private progressStage(execution: ExecutionRecord, now: number): boolean {
    const plan = this.plans.get(execution.pipelineName, execution.pipelineVersion);
    const stagePlan = plan?.stages[execution.stageIndex];
    const stage = stagePlan && this.store.getStage(execution.id, stagePlan.name);
    if (!plan || !stagePlan || !stage) {
      this.finish(execution, "Cancelled", now, "The pipeline definition this execution ran on is no longer available.");
      return true;
    }
    const runs = this.store.actionsOf(execution.id, stagePlan.name);
    const current = runs.filter((r) => r.attempt === stage.attempt);
    if (current.some((r) => r.status === "InProgress")) return false;

    if (execution.cancelRequested) {
      this.setStage(stage, "Cancelled", now);
      this.finish(execution, "Cancelled", now, CANCELLED_BY_UPDATE);
      return true;
    }
    const failed = current.filter((r) => r.status === "Failed" || r.status === "Abandoned");
    const next = failed.length === 0 ? nextGroup(stagePlan, stage, runs) : undefined;
    if (execution.stopMode) {
      this.setStage(stage, failed.length === 0 && !next ? "Succeeded" : "Stopped", now);
      this.finish(execution, "Stopped", now);
      return true;
    }
    if (failed.length > 0) {
      this.setStage(stage, "Failed", now);
      const first = failed[0] as ActionRecord;
      this.finish(execution, "Failed", now, failureSummary(first));
      return true;
    }
    if (next) {
      stage.runOrder = next.runOrder;
      stage.updatedMs = now;
      this.store.saveStage(stage);
      for (const action of next.actions) startAction(this, execution, plan, stagePlan, action, stage.attempt, now);
      return true;
    }
    this.setStage(stage, "Succeeded", now);
    const last = execution.lastStageIndex ?? plan.stages.length - 1;
    if (execution.stageIndex >= last) {
      this.finish(execution, "Succeeded", now);
    } else {
      execution.stageIndex += 1;
      execution.inStage = false;
      execution.updatedMs = now;
      this.store.saveExecution(execution);
    }
    return true;
  }

  /** Puts an execution waiting at its boundary into the stage (admission decided it may). */
  enterStage(execution: ExecutionRecord, now: number): void {
    const plan = this.plans.get(execution.pipelineName, execution.pipelineVersion);
    const stagePlan = plan?.stages[execution.stageIndex];
    if (!stagePlan) {
      this.finish(execution, "Cancelled", now, "The pipeline definition this execution ran on is no longer available.");
      return;
    }
    this.store.saveStage({
      executionId: execution.id,
      pipelineName: execution.pipelineName,
      stageName: stagePlan.name,
      entrySeq: this.store.nextEntrySeq(),
      status: "InProgress",
      attempt: 1,
      baselineAttempt: 1,
      runOrder: undefined,
      manualRetries: 0,
      startMs: now,
      updatedMs: now,
    });
    execution.inStage = true;
    execution.updatedMs = now;
    this.store.saveExecution(execution);
  }

  // ---- shared helpers for operations ------------------------------------------------------

  setStage(stage: StageRecord, status: StageRecord["status"], now: number): void {
    stage.status = status;
    stage.updatedMs = now;
    this.store.saveStage(stage);
  }

  finish(execution: ExecutionRecord, status: PipelineExecutionStatus, now: number, summary?: string): void {
    execution.status = status;
    if (summary !== undefined) execution.statusSummary = summary;
    execution.updatedMs = now;
    this.store.saveExecution(execution);
  }

  /** Abandons an execution's running actions (stop-and-abandon; approvals on any stop or cancel). */
  abandonRunning(execution: ExecutionRecord, now: number, onlyApprovals: boolean): number {
    let count = 0;
    for (const action of this.store.actionsOf(execution.id)) {
      if (action.status !== "InProgress") continue;
      if (onlyApprovals && action.outcome !== "approval") continue;
      this.closeAction(action, "Abandoned", now);
      count++;
    }
    return count;
  }

  /** The stage an execution is in (undefined when it waits at a boundary). */
  currentStage(execution: ExecutionRecord): StageRecord | undefined {
    if (!execution.inStage) return undefined;
    const plan = this.plans.get(execution.pipelineName, execution.pipelineVersion);
    const stagePlan = plan?.stages[execution.stageIndex];
    return stagePlan ? this.store.getStage(execution.id, stagePlan.name) : undefined;
  }
}

export const CANCELLED_BY_UPDATE = "The pipeline execution was cancelled because the pipeline definition was updated.";

interface NextGroup {
  readonly runOrder: number;
  readonly actions: ActionPlan[];
}

/**
 * The next runOrder group with work to do: after the group that just settled, the first whose
 * actions have not all succeeded since the stage's baseline attempt (a FAILED_ACTIONS retry
 * keeps earlier successes; ALL_ACTIONS moves the baseline and reruns everything).
 */
function nextGroup(stagePlan: StagePlan, stage: StageRecord, runs: readonly ActionRecord[]): NextGroup | undefined {
  for (const runOrder of stagePlan.groups) {
    if (stage.runOrder !== undefined && runOrder <= stage.runOrder) continue;
    const needed = stagePlan.actions.filter((a) => {
      if (a.runOrder !== runOrder) return false;
      const latest = [...runs].reverse().find((r) => r.actionName === a.name && r.attempt >= stage.baselineAttempt);
      return latest?.status !== "Succeeded";
    });
    if (needed.length > 0) return { runOrder, actions: needed };
  }
  return undefined;
}

function failureSummary(action: ActionRecord): string {
  return `Action ${action.actionName} in stage ${action.stageName} failed: ${action.errorDetails?.message ?? action.summary ?? "the action did not succeed."}`;
}
