/**
 * ListRuleExecutions: the rule runs of a pipeline, newest first, optionally of one execution
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListRuleExecutions.html).
 */
import type { JsonObject } from "../../contract";
import { requireExecution, type EngineContext } from "../context";
import { pageOf, pageRequest } from "../paging";
import type { RuleRecord } from "../records";
import { optionalObject, optionalString, requiredString } from "../wire";
import { ruleExecutionDetail } from "./rule-view";

export function listRuleExecutions(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  ctx.plans.current(pipelineName);
  const filter = optionalObject(input, "filter");
  const latestIn = filter ? optionalObject(filter, "latestInPipelineExecution") : undefined;
  const executionId =
    (filter ? optionalString(filter, "pipelineExecutionId") : undefined) ?? (latestIn ? optionalString(latestIn, "pipelineExecutionId") : undefined);
  if (executionId !== undefined) requireExecution(ctx, pipelineName, executionId);
  const scope = `rules:${pipelineName}:${executionId ?? ""}`;
  const page = pageRequest(input, scope);
  let rows = ctx.conditions.pageRules({ pipelineName, executionId, beforeSeq: page.beforeSeq, limit: latestIn ? 100_000 : page.limit + 1 });
  if (latestIn && optionalString(latestIn, "startTimeRange") !== "All") rows = latestRunsOnly(rows);
  const { items, nextToken } = pageOf(rows, page.limit, scope);
  return { ruleExecutionDetails: items.map(ruleExecutionDetail), ...(nextToken ? { nextToken } : {}) };
}

/** `startTimeRange: Latest`: only the most recent run of each rule (rows are newest first). */
function latestRunsOnly(rows: readonly RuleRecord[]): RuleRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.stageName}\u0000${r.conditionType}\u0000${r.ruleName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
