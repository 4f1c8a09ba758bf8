/**
 * Writes past executions of one pipeline by driving the real state machine on a virtual clock:
 * time jumps from one due event to the next (no waiting), durations are unscaled simulated
 * seconds, and every record gets the past timestamp it would have had.
 */
import type { JsonObject } from "../../contract";
import type { EngineContext } from "../context";
import { putApprovalResult } from "../operations/approval";
import { resolveVariables } from "../operations/start";
import { stopPipelineExecution } from "../operations/stop";
import type { Runner } from "../runner";

export interface Trigger {
  readonly type: string;
  readonly detail?: string;
}

export class Timeline {
  private t: number;
  private readonly seedCtx: EngineContext;

  constructor(
    ctx: EngineContext,
    private readonly runner: Runner,
    readonly pipelineName: string,
    start: number,
  ) {
    this.t = start;
    this.seedCtx = { ...ctx, runner, now: () => this.t };
  }

  get now(): number {
    return this.t;
  }

  /** Runs everything due up to `at`, event by event. */
  advanceTo(at: number): void {
    if (at < this.t) throw new Error(`demo timeline of ${this.pipelineName} cannot go back in time`);
    const store = this.runner.store;
    for (let due = store.nextDueMs(this.pipelineName); due !== undefined && due <= at; due = store.nextDueMs(this.pipelineName)) {
      this.t = Math.max(this.t, due);
      this.runner.advance(this.t, this.pipelineName);
    }
    this.t = at;
    this.runner.advance(at, this.pipelineName);
  }

  launch(at: number, trigger: Trigger, variables: ReadonlyArray<{ name: string; value: string }> = []): string {
    this.advanceTo(at);
    const plan = this.runner.plans.current(this.pipelineName);
    const execution = this.runner.launch(
      {
        plan,
        triggerType: trigger.type,
        triggerDetail: trigger.detail,
        variables: resolveVariables(plan, variables as unknown as JsonObject[], false),
      },
      this.t,
    );
    this.runner.advance(this.t, this.pipelineName);
    return execution.id;
  }

  failNext(stageName: string, actionName: string): void {
    this.runner.store.addFailNext(this.pipelineName, stageName, actionName);
  }

  answer(at: number, executionId: string, status: "Approved" | "Rejected", summary: string): void {
    this.advanceTo(at);
    const waiting = this.runner.store
      .actionsOf(executionId)
      .find((r) => r.status === "InProgress" && r.outcome === "approval");
    if (!waiting?.token) throw new Error(`demo execution ${executionId} is not waiting for approval`);
    putApprovalResult(this.seedCtx, {
      pipelineName: this.pipelineName,
      stageName: waiting.stageName,
      actionName: waiting.actionName,
      token: waiting.token,
      result: { status, summary },
    });
  }

  stop(at: number, executionId: string, abandon: boolean, reason: string): void {
    this.advanceTo(at);
    stopPipelineExecution(this.seedCtx, { pipelineName: this.pipelineName, pipelineExecutionId: executionId, abandon, reason });
  }
}
