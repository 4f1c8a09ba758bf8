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
import type { ConditionStore } from "./condition-store";
import { completeRule, endCondition, settleCondition, startCondition, type ConditionDeps } from "./conditions";
import { isSourceAction, type ActionPlan, type PipelinePlan, type StagePlan } from "./pipeline-plan";
import type { PlanCache } from "./plans";
import type {
  ActionRecord,
  ConditionType,
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
  readonly conditions: ConditionStore;
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

/** "One automatic retry attempt" per stage (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryConfiguration.html). */
export const AUTO_RETRY_LIMIT = 1;

export class Runner implements ActionRunDeps, AdmissionDeps, ConditionDeps {
  readonly store: ExecutionStore;
  readonly conditions: ConditionStore;
  readonly plans: PlanCache;
  readonly random: Random;
  private readonly options: RunnerOptions;

  constructor(options: RunnerOptions) {
    this.options = options;
    this.store = options.store;
    this.conditions = options.conditions;
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
    const rules = this.conditions.dueRules(now, onlyPipeline);
    for (const rule of rules) completeRule(this, rule, Math.min(now, rule.dueMs ?? now));
    return due.length > 0 || rules.length > 0;
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
    if (stage.conditionPhase) return this.progressCondition(execution, plan, stagePlan, stage, now);
    const runs = this.store.actionsOf(execution.id, stagePlan.name);
    const current = latestPerAction(runs.filter((r) => r.attempt === stage.attempt));
    if (current.some((r) => r.status === "InProgress")) return false;

    if (execution.cancelRequested) {
      this.setStage(stage, "Cancelled", now);
      this.finish(execution, "Cancelled", now, CANCELLED_BY_UPDATE);
      return true;
    }
    const failed = current.filter((r) => r.status === "Failed" || r.status === "Abandoned");
    const next = failed.length === 0 ? nextGroup(stagePlan, stage, runs) : undefined;
    if (execution.stopMode) {
      // Even when the stop landed after the stage's last action, the stage is Stopped (not
      // Succeeded): retrying it resumes the execution (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-stop.html).
      this.setStage(stage, "Stopped", now);
      this.finish(execution, "Stopped", now);
      return true;
    }
    if (failed.length > 0) {
      this.stageFailed(execution, plan, stagePlan, stage, failureSummary(failed[0] as ActionRecord), now);
      return true;
    }
    if (next) {
      stage.runOrder = next.runOrder;
      stage.updatedMs = now;
      this.store.saveStage(stage);
      for (const action of next.actions) startAction(this, execution, plan, stagePlan, action, stage.attempt, now);
      return true;
    }
    // "On Success - The conditions for making checks for the stage when it succeeds"
    // (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html).
    if (stagePlan.onSuccess) {
      startCondition(this, execution, plan, stagePlan, stage, "ON_SUCCESS", now);
      return true;
    }
    this.completeStage(execution, plan, stage, "Succeeded", now);
    return true;
  }

  /** A stage condition under evaluation: wait for its rules, then engage its result if it failed. */
  private progressCondition(execution: ExecutionRecord, plan: PipelinePlan, stagePlan: StagePlan, stage: StageRecord, now: number): boolean {
    const type = stage.conditionPhase as ConditionType;
    if (execution.cancelRequested || execution.stopMode) {
      endCondition(this, execution.id, stagePlan.name, type, execution.cancelRequested ? "Cancelled" : "Abandoned", now);
      stage.conditionPhase = undefined;
      this.setStage(stage, execution.cancelRequested ? "Cancelled" : "Stopped", now);
      this.finish(execution, execution.cancelRequested ? "Cancelled" : "Stopped", now, execution.cancelRequested ? CANCELLED_BY_UPDATE : undefined);
      return true;
    }
    const outcome = settleCondition(this, execution, stagePlan.name, type, now);
    if (outcome === undefined) return false;
    stage.conditionPhase = undefined;
    stage.updatedMs = now;
    this.store.saveStage(stage);
    const summary = this.conditions.getCondition(execution.id, stagePlan.name, type)?.summary ?? "";
    if (type === "BEFORE_ENTRY") {
      if (outcome === "Succeeded") return true; // the first action group starts next round
      if (stagePlan.beforeEntry?.result === "SKIP") {
        this.completeStage(execution, plan, stage, "Skipped", now);
        return true;
      }
      this.failStage(execution, stage, `Stage ${stagePlan.name} entry condition failed. ${summary}`, now);
      return true;
    }
    if (type === "ON_SUCCESS") {
      if (outcome === "Succeeded") {
        this.completeStage(execution, plan, stage, "Succeeded", now);
        return true;
      }
      this.failStage(execution, stage, `Stage ${stagePlan.name} success condition failed. ${summary}`, now);
      if (stagePlan.onSuccess?.result === "ROLLBACK") this.rollBackAutomatically(execution, plan, stagePlan, now);
      return true;
    }
    // ON_FAILURE: the stage failed already; "the stage performs the specified result only when
    // the condition fails" (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works-conditions.html).
    this.failStage(execution, stage, execution.statusSummary ?? `Stage ${stagePlan.name} failed.`, now);
    if (outcome === "Failed" && stagePlan.onFailure?.result === "ROLLBACK") this.rollBackAutomatically(execution, plan, stagePlan, now);
    return true;
  }

  /** A stage whose actions failed: automatic retry, failure condition or rollback, else Failed. */
  private stageFailed(execution: ExecutionRecord, plan: PipelinePlan, stagePlan: StagePlan, stage: StageRecord, summary: string, now: number): void {
    const onFailure = stagePlan.onFailure;
    if (onFailure?.result === "RETRY" && stage.autoRetries < AUTO_RETRY_LIMIT) {
      // https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryConfiguration.html
      stage.attempt += 1;
      if (onFailure.retryMode === "ALL_ACTIONS") stage.baselineAttempt = stage.attempt;
      stage.runOrder = undefined;
      stage.autoRetries += 1;
      stage.latestRetryTrigger = "AutomatedStageRetry";
      stage.updatedMs = now;
      this.store.saveStage(stage);
      return;
    }
    if (onFailure?.condition) {
      execution.statusSummary = summary;
      this.store.saveExecution(execution);
      startCondition(this, execution, plan, stagePlan, stage, "ON_FAILURE", now);
      return;
    }
    this.failStage(execution, stage, summary, now);
    if (onFailure?.result === "ROLLBACK") this.rollBackAutomatically(execution, plan, stagePlan, now);
  }

  failStage(execution: ExecutionRecord, stage: StageRecord, summary: string, now: number): void {
    this.setStage(stage, "Failed", now);
    this.finish(execution, "Failed", now, summary);
  }

  /** The stage is done (Succeeded, or Skipped by its entry condition): on to the next stage, or the end. */
  completeStage(execution: ExecutionRecord, plan: PipelinePlan, stage: StageRecord, status: "Succeeded" | "Skipped", now: number): void {
    this.setStage(stage, status, now);
    const last = execution.lastStageIndex ?? plan.stages.length - 1;
    if (execution.stageIndex >= last) {
      this.finish(execution, "Succeeded", now);
    } else {
      execution.stageIndex += 1;
      execution.inStage = false;
      execution.updatedMs = now;
      this.store.saveExecution(execution);
    }
  }

  /**
   * Automatic rollback: a new ROLLBACK execution (trigger AutomatedRollback) of the failed stage
   * with the last execution of the current pipeline version that succeeded in it
   * (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html). Not for
   * the first stage, PARALLEL pipelines or rollback executions; nothing when there is no target.
   */
  private rollBackAutomatically(execution: ExecutionRecord, plan: PipelinePlan, stagePlan: StagePlan, now: number): void {
    if (stagePlan.index === 0 || plan.executionMode === "PARALLEL" || execution.executionType === "ROLLBACK") return;
    const target = this.store.lastSucceededInStage(plan.name, stagePlan.name, plan.version, execution.id);
    if (!target) return;
    const running = this.store.activeExecutions(plan.name).some((e) => e.executionType === "ROLLBACK" && e.stageIndex === stagePlan.index);
    if (running) return;
    this.launch(
      {
        plan,
        triggerType: "AutomatedRollback",
        triggerDetail: execution.id,
        variables: target.variables,
        executionType: "ROLLBACK",
        rollbackTarget: target,
        onlyStageIndex: stagePlan.index,
      },
      now,
    );
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
      autoRetries: 0,
      startMs: now,
      updatedMs: now,
    });
    execution.inStage = true;
    execution.updatedMs = now;
    this.store.saveExecution(execution);
    // "Entry - The conditions for making checks that, if met, allow entry to a stage"
    // (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html).
    const stage = this.store.getStage(execution.id, stagePlan.name);
    if (stagePlan.beforeEntry && plan && stage) startCondition(this, execution, plan, stagePlan, stage, "BEFORE_ENTRY", now);
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

/** The newest run of each action (a failed action retried while its siblings ran has two in one attempt). */
export function latestPerAction(runs: readonly ActionRecord[]): ActionRecord[] {
  const latest = new Map<string, ActionRecord>();
  for (const run of runs) {
    const seen = latest.get(run.actionName);
    if (!seen || run.seq > seen.seq) latest.set(run.actionName, run);
  }
  return [...latest.values()];
}

function failureSummary(action: ActionRecord): string {
  return `Action ${action.actionName} in stage ${action.stageName} failed: ${action.errorDetails?.message ?? action.summary ?? "the action did not succeed."}`;
}
