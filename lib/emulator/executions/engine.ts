/**
 * The execution engine behind lib/emulator/contract.ts: wires the store, the plan cache, the
 * runner and the wake timer, and runs every operation in one SQLite transaction followed by
 * re-arming the timer for the next due simulated event.
 */
import { randomUUID } from "node:crypto";
import type {
  CreateExecutionEngine,
  DefinitionWriter,
  EngineOptions,
  ExecutionEngine,
  JsonObject,
  StoredPipeline,
} from "../contract";
import { ServiceError, serviceErrors } from "../errors";
import { systemClock, type Clock } from "./clock";
import { ConditionStore } from "./condition-store";
import { requireStage, type EngineContext } from "./context";
import { seedDemoData } from "./demo/seed";
import { putApprovalResult } from "./operations/approval";
import { cancelForUpdate } from "./operations/lifecycle";
import { overrideStageCondition } from "./operations/override";
import { rollbackStage } from "./operations/rollback";
import { retryStageExecution } from "./operations/retry";
import { startOnCreate, startPipelineExecution } from "./operations/start";
import { stopPipelineExecution } from "./operations/stop";
import { setStageTransition } from "./operations/transitions";
import { PlanCache } from "./plans";
import { Runner } from "./runner";
import { migrateExecutions } from "./schema";
import { defaultRandom, type Random } from "./simulation/random";
import { ExecutionStore } from "./store";
import { getPipelineExecution, listActionExecutions, listPipelineExecutions } from "./views/history";
import { pipelineState } from "./views/pipeline-state";
import { listRuleExecutions } from "./views/rules";
import { listDeployActionExecutionTargets } from "./views/deploy-targets";
import { requiredString } from "./wire";
import { WakeTimer } from "./wake-timer";

/** Test seams beyond the contract's options. */
export interface EngineInternals {
  readonly random?: Random;
  /** Time and timers; a test injects a manual clock instead of sleeping. */
  readonly clock?: Clock;
  readonly newId?: () => string;
}

export const createExecutionEngine: CreateExecutionEngine = (options) => createEngine(options);

export function createEngine(options: EngineOptions, internals: EngineInternals = {}): ExecutionEngine {
  checkScale(options.timeScale);
  let timeScale = options.timeScale;
  let seeding = false;
  const clock = internals.clock ?? systemClock;
  const now = () => clock.now();
  const newId = internals.newId ?? randomUUID;
  const random = internals.random ?? defaultRandom;

  migrateExecutions(options.db);
  const store = new ExecutionStore(options.db);
  const conditions = new ConditionStore(store);
  const plans = new PlanCache(options.definitions, options.region);
  const runner = new Runner({ store, conditions, plans, timeScale: () => timeScale, random, newId });
  const ctx: EngineContext = { runner, store, conditions, plans, definitions: options.definitions, now, newId };

  const timer = new WakeTimer(clock, () => {
    try {
      store.transaction(() => runner.advance(now()));
    } catch (error) {
      // A failing step must not take the server down; the next request or wake retries.
      console.error("[emulator] execution engine step failed:", error);
    }
    rearm();
  });
  const rearm = () => timer.arm(store.nextDueMs());

  /** One operation: atomic in the database, then the timer follows the new due times. */
  function run<T>(work: () => T): T {
    try {
      return store.transaction(work);
    } finally {
      rearm();
    }
  }

  // Resume what was in progress when the process stopped: overdue work completes now, the
  // rest is re-armed from its persisted due time.
  run(() => runner.advance(now()));

  return {
    startPipelineExecution: (input) => run(() => startPipelineExecution(ctx, input)),
    stopPipelineExecution: (input) => run(() => stopPipelineExecution(ctx, input)),
    getPipelineState: (input) => run(() => pipelineState(ctx, requiredString(input, "name"))),
    getPipelineExecution: (input) => run(() => getPipelineExecution(ctx, input)),
    listPipelineExecutions: (input) => run(() => listPipelineExecutions(ctx, input)),
    listActionExecutions: (input) => run(() => listActionExecutions(ctx, input)),
    retryStageExecution: (input) => run(() => retryStageExecution(ctx, input)),
    rollbackStage: (input) => run(() => rollbackStage(ctx, input)),
    putApprovalResult: (input) => run(() => putApprovalResult(ctx, input)),
    enableStageTransition: (input: JsonObject) => run(() => setStageTransition(ctx, input, true)),
    disableStageTransition: (input: JsonObject) => run(() => setStageTransition(ctx, input, false)),
    listRuleExecutions: (input) => run(() => listRuleExecutions(ctx, input)),
    overrideStageCondition: (input) => run(() => overrideStageCondition(ctx, input)),
    listDeployActionExecutionTargets: (input) => run(() => listDeployActionExecutionTargets(ctx, input)),

    onPipelineCreated(pipeline: StoredPipeline) {
      plans.forget(pipeline.name);
      if (seeding) return; // demo pipelines get written history instead of a first run
      run(() => startOnCreate(ctx, pipeline.name));
    },
    onPipelineUpdated(previous: StoredPipeline, next: StoredPipeline) {
      run(() => cancelForUpdate(ctx, previous, next));
    },
    onPipelineDeleted(name: string) {
      run(() => store.deletePipeline(name));
      plans.forget(name);
    },

    setTimeScale(scale: number) {
      checkScale(scale);
      run(() => {
        // Remaining simulated work keeps its simulated length: rescale what is scheduled.
        store.rescaleDue(now(), timeScale / scale);
        timeScale = scale;
      });
    },
    getTimeScale: () => timeScale,
    failNextRun(target) {
      run(() => {
        const stage = requireStage(plans.current(target.pipelineName), target.stageName);
        if (!stage.actions.some((a) => a.name === target.actionName)) {
          throw new ServiceError("ActionNotFoundException", `Action '${target.actionName}' does not exist in stage '${target.stageName}'.`);
        }
        store.addFailNext(target.pipelineName, target.stageName, target.actionName);
      });
    },
    failNextRule(target) {
      run(() => {
        const stage = requireStage(plans.current(target.pipelineName), target.stageName);
        const rules = [stage.beforeEntry, stage.onSuccess, stage.onFailure?.condition].flatMap((c) => c?.rules ?? []);
        if (!rules.some((r) => r.name === target.ruleName)) {
          throw new ServiceError("RuleNotFoundException", `Rule '${target.ruleName}' does not exist in the conditions of stage '${target.stageName}'.`);
        }
        conditions.addRuleFailNext(target.pipelineName, target.stageName, target.ruleName);
      });
    },
    setAlarmState(alarmName, state) {
      run(() => {
        conditions.setAlarmState(alarmName, state, now());
        runner.advance(now());
      });
    },
    seedDemo(definitions: DefinitionWriter) {
      seeding = true;
      try {
        run(() => seedDemoData({ ctx, definitions, liveTimeScale: timeScale, random, region: options.region }));
      } finally {
        seeding = false;
      }
    },
    reset() {
      run(() => store.deleteAll());
      plans.clear();
    },
    close() {
      timer.close();
    },
  };
}

function checkScale(scale: number): void {
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0) {
    throw serviceErrors.validation(`The time scale must be a positive number, not ${String(scale)}.`);
  }
}
