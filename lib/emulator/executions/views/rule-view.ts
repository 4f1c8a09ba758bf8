/**
 * Stage conditions as the wire shows them: GetPipelineState's `beforeEntryConditionState`,
 * `onSuccessConditionState` and `onFailureConditionState`
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageConditionState.html) and
 * ListRuleExecutions' `ruleExecutionDetails`
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleExecutionDetail.html).
 */
import type { JsonObject } from "../../contract";
import type { EngineContext } from "../context";
import { conditionPlanOf } from "../conditions";
import type { StagePlan } from "../pipeline-plan";
import type { ConditionType, RuleRecord } from "../records";
import { compact, seconds } from "../wire";

const STATE_KEYS: ReadonlyArray<[ConditionType, string]> = [
  ["BEFORE_ENTRY", "beforeEntryConditionState"],
  ["ON_SUCCESS", "onSuccessConditionState"],
  ["ON_FAILURE", "onFailureConditionState"],
];

/** The condition states of a stage's latest execution, keyed as StageState members. */
export function stageConditionStates(ctx: EngineContext, stage: StagePlan, executionId: string | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [type, key] of STATE_KEYS) {
    const plan = conditionPlanOf(stage, type);
    if (!plan) continue;
    const condition = executionId ? ctx.conditions.getCondition(executionId, stage.name, type) : undefined;
    const rules = condition ? ctx.conditions.rulesOf(executionId as string, stage.name, type, condition.evaluation) : [];
    const latestExecution = condition ? compact({ status: condition.status, summary: condition.summary }) : undefined;
    out[key] = compact({
      latestExecution,
      conditionStates: [
        compact({
          latestExecution: condition
            ? compact({ status: condition.status, summary: condition.summary, lastStatusChange: seconds(condition.updatedMs) })
            : undefined,
          ruleStates: plan.rules.map((rule) => {
            const run = rules.find((r) => r.ruleName === rule.name);
            return compact({ ruleName: rule.name, latestExecution: run ? boardRuleExecution(run) : undefined });
          }),
        }),
      ],
    });
  }
  return out;
}

/** GetPipelineState `ruleStates[].latestExecution`. */
export function boardRuleExecution(run: RuleRecord): JsonObject {
  return compact({
    ruleExecutionId: run.id,
    status: run.status,
    summary: run.summary,
    lastStatusChange: seconds(run.updatedMs),
    externalExecutionId: run.externalId,
    externalExecutionUrl: run.externalUrl,
    errorDetails: run.errorDetails ? { ...run.errorDetails } : undefined,
  });
}

/** ListRuleExecutions `ruleExecutionDetails[]`. */
export function ruleExecutionDetail(run: RuleRecord): JsonObject {
  const executionResult = compact({
    externalExecutionId: run.externalId,
    externalExecutionSummary: run.summary,
    externalExecutionUrl: run.externalUrl,
    errorDetails: run.errorDetails ? { ...run.errorDetails } : undefined,
  });
  return compact({
    pipelineExecutionId: run.executionId,
    ruleExecutionId: run.id,
    pipelineVersion: run.pipelineVersion,
    stageName: run.stageName,
    ruleName: run.ruleName,
    startTime: seconds(run.startMs),
    lastUpdateTime: seconds(run.updatedMs),
    status: run.status,
    input: run.input,
    output: Object.keys(executionResult).length > 0 ? { executionResult } : undefined,
  });
}
