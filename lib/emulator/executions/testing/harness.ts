/**
 * Engine unit-test harness: a real engine on an in-memory SQLite database with fake
 * definitions, plus bounded polling (no timed assertions). With a `ManualClock` the engine's
 * time moves only when the test moves it, and waiting runs simulated time forward instead.
 */
import Database from "better-sqlite3";
import type { ExecutionEngine, JsonObject } from "../../contract";
import { createEngine, type EngineInternals } from "../engine";
import { FakeDefinitions } from "./fake-definitions";
import type { ManualClock } from "./manual-clock";

export interface Harness {
  readonly engine: ExecutionEngine;
  readonly definitions: FakeDefinitions;
  readonly db: Database.Database;
  /** Stores a pipeline (no auto-start: tests start executions themselves). */
  create(declaration: JsonObject): void;
  update(declaration: JsonObject): void;
  start(name: string, extra?: JsonObject): string;
  execution(name: string, id: string): JsonObject;
  status(name: string, id: string): string;
  state(name: string): JsonObject;
  stage(name: string, stageName: string): JsonObject;
  actions(name: string, executionId: string): JsonObject[];
  /** The token of the approval waiting in the stage (from GetPipelineState). */
  token(name: string, stageName: string, actionName?: string): string | undefined;
  /**
   * Until `probe` gives a value: polls in real time, or, with a manual clock, fires the engine's
   * timers one by one (`timeoutMs` is then simulated-clock time).
   */
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  waitForStatus(name: string, id: string, status: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface HarnessOptions extends Omit<EngineInternals, "clock"> {
  readonly clock?: ManualClock;
  readonly timeScale?: number;
  readonly db?: Database.Database;
  readonly definitions?: FakeDefinitions;
}

/** How far a manual-clock wait may move the clock: at time scale 1, longer than any test run, shorter than an approval's 7-day timeout. */
const MANUAL_TIMEOUT_MS = 60 * 60_000;

export function createHarness(options: HarnessOptions = {}): Harness {
  const db = options.db ?? new Database(":memory:");
  const definitions = options.definitions ?? new FakeDefinitions();
  const engine = createEngine({ db, definitions, timeScale: options.timeScale ?? 500 }, options);
  const h: Harness = {
    engine,
    definitions,
    db,
    create(declaration) {
      definitions.put(declaration);
    },
    update(declaration) {
      const { previous, next } = definitions.update(declaration);
      engine.onPipelineUpdated(previous, next);
    },
    start(name, extra = {}) {
      return String(engine.startPipelineExecution({ name, ...extra }).pipelineExecutionId);
    },
    execution(name, id) {
      return engine.getPipelineExecution({ pipelineName: name, pipelineExecutionId: id }).pipelineExecution as JsonObject;
    },
    status(name, id) {
      return String(h.execution(name, id).status);
    },
    state(name) {
      return engine.getPipelineState({ name });
    },
    stage(name, stageName) {
      const stages = h.state(name).stageStates as JsonObject[];
      const found = stages.find((s) => s.stageName === stageName);
      if (!found) throw new Error(`no stage ${stageName}`);
      return found;
    },
    actions(name, executionId) {
      return engine.listActionExecutions({ pipelineName: name, filter: { pipelineExecutionId: executionId } })
        .actionExecutionDetails as JsonObject[];
    },
    token(name, stageName, actionName = "Approve") {
      const stage = h.stage(name, stageName);
      const action = (stage.actionStates as JsonObject[]).find((a) => a.actionName === actionName);
      const latest = action?.latestExecution as JsonObject | undefined;
      return typeof latest?.token === "string" ? latest.token : undefined;
    },
    async waitFor(what, probe, timeoutMs) {
      const clock = options.clock;
      if (clock) {
        const deadline = clock.now() + (timeoutMs ?? MANUAL_TIMEOUT_MS);
        for (;;) {
          const value = probe();
          if (value !== undefined && value !== false) return value as never;
          if (!clock.fireNext(deadline)) throw new Error(`nothing left to run before ${what}`);
        }
      }
      const deadline = Date.now() + (timeoutMs ?? 10_000);
      for (;;) {
        const value = probe();
        if (value !== undefined && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async waitForStatus(name, id, status, timeoutMs) {
      await h.waitFor(`${id} to be ${status}`, () => h.status(name, id) === status, timeoutMs);
    },
    close() {
      engine.close();
    },
  };
  return h;
}

/** Runs of one action in an execution's ListActionExecutions (oldest first). */
export function runsOf(details: readonly JsonObject[], actionName: string): JsonObject[] {
  return details.filter((d) => d.actionName === actionName).reverse();
}

/** Asserts that a synchronous engine call throws the AWS exception `type`. */
export function serviceErrorOf(call: () => unknown): { type: string; message: string } {
  try {
    call();
  } catch (error) {
    const e = error as { type?: string; message?: string };
    if (typeof e.type === "string") return { type: e.type, message: String(e.message) };
    throw error;
  }
  throw new Error("expected a ServiceError, but the call succeeded");
}
