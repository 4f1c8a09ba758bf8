/**
 * Definition changes. UpdatePipeline ends in-flight work as AWS does: unless the pipeline was
 * and stays PARALLEL, executions inside a stage are Cancelled once their running actions finish
 * (waiting approvals are abandoned) and executions waiting at a boundary are Cancelled at once.
 * PARALLEL executions keep running on the version they started with.
 */
import type { StoredPipeline } from "../../contract";
import type { EngineContext } from "../context";
import { executionModeOf } from "../pipeline-plan";
import { CANCELLED_BY_UPDATE } from "../runner";

export function cancelForUpdate(ctx: EngineContext, previous: StoredPipeline, next: StoredPipeline): void {
  if (executionModeOf(previous.declaration) === "PARALLEL" && executionModeOf(next.declaration) === "PARALLEL") return;
  const now = ctx.now();
  for (const execution of ctx.store.activeExecutions(next.name)) {
    if (execution.status === "Stopping") continue; // already on its way to Stopped
    const stage = ctx.runner.currentStage(execution);
    if (stage) {
      ctx.runner.abandonRunning(execution, now, true);
      execution.cancelRequested = true;
      execution.updatedMs = now;
      ctx.store.saveExecution(execution);
    } else {
      ctx.runner.finish(execution, "Cancelled", now, CANCELLED_BY_UPDATE);
    }
  }
  ctx.runner.advance(now, next.name);
}
