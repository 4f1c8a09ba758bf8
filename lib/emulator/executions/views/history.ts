/** GetPipelineExecution, ListPipelineExecutions and ListActionExecutions. */
import type { JsonObject } from "../../contract";
import { requireExecution, type EngineContext } from "../context";
import { pageOf, pageRequest } from "../paging";
import type { ActionRecord } from "../records";
import { optionalObject, optionalString, requiredString } from "../wire";
import { actionExecutionDetail } from "./action-view";
import { executionDetail, executionSummary } from "./execution-view";

export function getPipelineExecution(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  ctx.plans.current(pipelineName);
  const execution = requireExecution(ctx, pipelineName, requiredString(input, "pipelineExecutionId"));
  return { pipelineExecution: executionDetail(execution) };
}

export function listPipelineExecutions(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  ctx.plans.current(pipelineName);
  const scope = `executions:${pipelineName}`;
  const page = pageRequest(input, scope);
  const filter = optionalObject(input, "filter");
  const succeeded = filter ? optionalObject(filter, "succeededInStage") : undefined;
  const rows = ctx.store.pageExecutions({
    pipelineName,
    beforeSeq: page.beforeSeq,
    limit: page.limit + 1,
    succeededInStage: succeeded ? optionalString(succeeded, "stageName") : undefined,
  });
  const { items, nextToken } = pageOf(rows, page.limit, scope);
  return { pipelineExecutionSummaries: items.map(executionSummary), ...(nextToken ? { nextToken } : {}) };
}

export function listActionExecutions(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  ctx.plans.current(pipelineName);
  const filter = optionalObject(input, "filter");
  const latestIn = filter ? optionalObject(filter, "latestInPipelineExecution") : undefined;
  const executionId = (filter ? optionalString(filter, "pipelineExecutionId") : undefined) ??
    (latestIn ? optionalString(latestIn, "pipelineExecutionId") : undefined);
  if (executionId !== undefined) requireExecution(ctx, pipelineName, executionId);
  const scope = `actions:${pipelineName}:${executionId ?? ""}`;
  const page = pageRequest(input, scope);
  let rows = ctx.store.pageActions({ pipelineName, executionId, beforeSeq: page.beforeSeq, limit: latestIn ? 100_000 : page.limit + 1 });
  if (latestIn && optionalString(latestIn, "startTimeRange") !== "All") rows = latestRunsOnly(rows);
  const { items, nextToken } = pageOf(rows, page.limit, scope);
  return { actionExecutionDetails: items.map(actionExecutionDetail), ...(nextToken ? { nextToken } : {}) };
}

/** `startTimeRange: Latest`: only the most recent run of each action (rows are newest first). */
function latestRunsOnly(rows: readonly ActionRecord[]): ActionRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.stageName}\u0000${r.actionName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
