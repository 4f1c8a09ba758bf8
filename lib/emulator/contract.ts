/**
 * The seam between the emulator's service shell (router, handlers, pipeline definitions,
 * persistence of definitions) and its execution engine (simulated executions, state board,
 * approvals, transitions, retries, demo history). Each side is built against this file only.
 *
 * Wire conventions: inputs are request bodies already parsed and checked with zod by the
 * handler; outputs are response bodies ready for JSON.stringify (timestamps as epoch seconds,
 * numbers with a fractional part). Failures throw ServiceError (errors.ts) with AWS's
 * exception names.
 */
import type Database from "better-sqlite3";

export type JsonObject = Record<string, unknown>;

/** One stored version of a pipeline definition. */
export interface StoredPipeline {
  readonly name: string;
  readonly version: number;
  /** The PipelineDeclaration as GetPipeline returns it (includes `version`). */
  readonly declaration: JsonObject;
  /** Epoch seconds. */
  readonly created: number;
  readonly updated: number;
}

/** What the engine may read of definitions (implemented by the service shell). */
export interface DefinitionReader {
  /** The latest version, or a given one. */
  getPipeline(name: string, version?: number): StoredPipeline | undefined;
  listPipelineNames(): string[];
}

/** What the demo seed may write (implemented by the service shell; runs the same checks as CreatePipeline). */
export interface DefinitionWriter extends DefinitionReader {
  createPipeline(
    declaration: JsonObject,
    tags?: ReadonlyArray<{ key: string; value: string }>,
    /** Backdate `created`/`updated` (epoch seconds), so seeded history never predates its pipeline. */
    options?: { readonly created?: number },
  ): StoredPipeline;
}

/** Simulated time: demo durations are in simulated seconds; `timeScale` 20 runs them 20× faster. */
export interface EngineOptions {
  readonly db: Database.Database;
  readonly definitions: DefinitionReader;
  readonly timeScale: number;
  /** The region this engine serves (the emulator keeps one engine per region); it picks the demo seed. */
  readonly region?: string;
}

export interface ExecutionEngine {
  startPipelineExecution(input: JsonObject): JsonObject;
  stopPipelineExecution(input: JsonObject): JsonObject;
  getPipelineState(input: JsonObject): JsonObject;
  getPipelineExecution(input: JsonObject): JsonObject;
  listPipelineExecutions(input: JsonObject): JsonObject;
  listActionExecutions(input: JsonObject): JsonObject;
  retryStageExecution(input: JsonObject): JsonObject;
  rollbackStage(input: JsonObject): JsonObject;
  putApprovalResult(input: JsonObject): JsonObject;
  enableStageTransition(input: JsonObject): JsonObject;
  disableStageTransition(input: JsonObject): JsonObject;
  listRuleExecutions(input: JsonObject): JsonObject;
  overrideStageCondition(input: JsonObject): JsonObject;
  listDeployActionExecutionTargets(input: JsonObject): JsonObject;

  /** Definition lifecycle, called by the shell after it committed the change. */
  onPipelineCreated(pipeline: StoredPipeline): void;
  /** After UpdatePipeline: cancel in-flight work as AWS does (SUPERSEDED/QUEUED), keep PARALLEL runs. */
  onPipelineUpdated(previous: StoredPipeline, next: StoredPipeline): void;
  onPipelineDeleted(name: string): void;

  /** Control API (never reachable through the AWS surface). */
  setTimeScale(scale: number): void;
  getTimeScale(): number;
  /** The named action fails on its next run. */
  failNextRun(target: { pipelineName: string; stageName: string; actionName: string }): void;
  /** The named LambdaInvoke, Commands or CodeBuild rule of a stage condition fails on its next run. */
  failNextRule(target: { pipelineName: string; stageName: string; ruleName: string }): void;
  /** Sets the state of a simulated CloudWatch alarm that CloudWatchAlarm rules read. */
  setAlarmState(alarmName: string, state: "OK" | "ALARM" | "INSUFFICIENT_DATA"): void;
  /** Seed the demo pipelines and their history through `definitions` (first start, and `/_emulator/seed`). */
  seedDemo(definitions: DefinitionWriter): void;
  /** Forget all executions (the shell drops definitions). */
  reset(): void;
  /** Stop timers; the shell closes the database. */
  close(): void;
}

export type CreateExecutionEngine = (options: EngineOptions) => ExecutionEngine;
