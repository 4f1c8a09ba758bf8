/**
 * One evaluation of a stage condition: its rules start together, each decides when its
 * simulated evaluation time is up, and the condition fails if any rule fails ("a rule set ...
 * evaluated together. Therefore, if one rule fails in the condition, then the condition fails",
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html). What the
 * failed condition does to the stage is the runner's business.
 */
import { HOME_REGION } from "../identity";
import type { ActionRunDeps } from "./action-runs";
import type { ConditionStore } from "./condition-store";
import { bucketFor, type ConditionPlan, type PipelinePlan, type RulePlan, type StagePlan } from "./pipeline-plan";
import type { ConditionExecutionStatus, ConditionType, ExecutionRecord, RuleRecord, StageRecord } from "./records";
import { INJECTABLE_PROVIDERS, evaluateRule, evaluationSeconds } from "./rules/evaluate";
import { resolveConfiguration } from "./variables";

export interface ConditionDeps extends ActionRunDeps {
  readonly conditions: ConditionStore;
}

/** The declared condition of a stage for a condition type. */
export function conditionPlanOf(stage: StagePlan, type: ConditionType): ConditionPlan | undefined {
  if (type === "BEFORE_ENTRY") return stage.beforeEntry;
  if (type === "ON_SUCCESS") return stage.onSuccess;
  return stage.onFailure?.condition;
}

export function startCondition(
  deps: ConditionDeps,
  execution: ExecutionRecord,
  plan: PipelinePlan,
  stagePlan: StagePlan,
  stage: StageRecord,
  type: ConditionType,
  now: number,
): void {
  const condition = conditionPlanOf(stagePlan, type);
  const previous = deps.conditions.getCondition(execution.id, stagePlan.name, type);
  const evaluation = (previous?.evaluation ?? 0) + 1;
  deps.conditions.saveCondition({
    executionId: execution.id,
    pipelineName: plan.name,
    stageName: stagePlan.name,
    conditionType: type,
    status: "InProgress",
    evaluation,
    updatedMs: now,
  });
  for (const rule of condition?.rules ?? []) startRule(deps, execution, plan, stagePlan, type, evaluation, rule, now);
  stage.conditionPhase = type;
  stage.updatedMs = now;
  deps.store.saveStage(stage);
}

function startRule(
  deps: ConditionDeps,
  execution: ExecutionRecord,
  plan: PipelinePlan,
  stagePlan: StagePlan,
  type: ConditionType,
  evaluation: number,
  rule: RulePlan,
  now: number,
): RuleRecord {
  const { resolved, unresolved } = resolveConfiguration(rule.configuration, execution);
  const provider = rule.ruleTypeId.provider;
  const forcedFailure = INJECTABLE_PROVIDERS.includes(provider) && deps.conditions.consumeRuleFailNext(plan.name, stagePlan.name, rule.name);
  const region = rule.region ?? HOME_REGION;
  const seconds = unresolved.length > 0 ? 1 : evaluationSeconds(rule, resolved);
  const waiting = provider === "CloudWatchAlarm" && Number(resolved.WaitTime ?? "0") > 0;
  return deps.conditions.insertRule({
    id: deps.newId(),
    executionId: execution.id,
    pipelineName: plan.name,
    pipelineVersion: plan.version,
    stageName: stagePlan.name,
    conditionType: type,
    evaluation,
    ruleName: rule.name,
    status: "InProgress",
    forcedFailure,
    startMs: now,
    updatedMs: now,
    dueMs: now + deps.realMs(seconds),
    summary: waiting ? `Monitoring CloudWatch alarm ${resolved.AlarmName ?? ""} for ${resolved.WaitTime} minutes.` : undefined,
    externalId: provider === "LambdaInvoke" ? deps.newId() : provider === "Commands" || provider === "CodeBuild" ? `${provider.toLowerCase()}-rule:${deps.newId()}` : undefined,
    input: {
      ruleTypeId: { ...rule.ruleTypeId },
      configuration: { ...rule.configuration },
      resolvedConfiguration: resolved,
      ...(rule.roleArn ? { roleArn: rule.roleArn } : {}),
      region,
      inputArtifacts: rule.inputArtifacts.map((name) => ({
        name,
        s3location: execution.artifacts[name] ?? { bucket: bucketFor(plan, region), key: `${plan.name.slice(0, 20)}/${name.slice(0, 10)}` },
      })),
    },
  });
}

/** Decides a rule whose evaluation time is up. */
export function completeRule(deps: ConditionDeps, rule: RuleRecord, at: number): void {
  const execution = deps.store.getExecution(rule.executionId);
  const stagePlan = deps.plans.get(rule.pipelineName, rule.pipelineVersion)?.stages.find((s) => s.name === rule.stageName);
  const rulePlan = stagePlan ? conditionPlanOf(stagePlan, rule.conditionType)?.rules.find((r) => r.name === rule.ruleName) : undefined;
  if (!execution || !rulePlan) {
    closeRule(deps.conditions, rule, "Abandoned", at);
    return;
  }
  const { resolved, unresolved } = resolveConfiguration(rulePlan.configuration, execution);
  const verdict = evaluateRule(rulePlan, resolved, unresolved, { now: at, alarmState: (name) => deps.conditions.alarmState(name) }, rule.forcedFailure);
  rule.summary = verdict.summary;
  rule.errorDetails = verdict.errorDetails;
  closeRule(deps.conditions, rule, verdict.status, at);
}

/** The condition's outcome once every rule decided; undefined while any still runs. */
export function settleCondition(deps: ConditionDeps, execution: ExecutionRecord, stageName: string, type: ConditionType, now: number): "Succeeded" | "Failed" | undefined {
  const condition = deps.conditions.getCondition(execution.id, stageName, type);
  if (!condition) return "Succeeded";
  const rules = deps.conditions.rulesOf(execution.id, stageName, type, condition.evaluation);
  if (rules.some((r) => r.status === "InProgress")) return undefined;
  const failed = rules.find((r) => r.status !== "Succeeded");
  condition.status = failed ? "Failed" : "Succeeded";
  condition.summary = failed ? `Rule ${failed.ruleName} failed: ${failed.summary ?? "the rule did not succeed."}` : "All rules succeeded.";
  condition.updatedMs = now;
  deps.conditions.saveCondition(condition);
  return condition.status;
}

/** Ends an evaluation early (stop, cancel, override): running rules are abandoned. */
export function endCondition(
  deps: ConditionDeps,
  executionId: string,
  stageName: string,
  type: ConditionType,
  status: Extract<ConditionExecutionStatus, "Abandoned" | "Cancelled" | "Overridden">,
  now: number,
): void {
  const condition = deps.conditions.getCondition(executionId, stageName, type);
  if (!condition) return;
  for (const rule of deps.conditions.rulesOf(executionId, stageName, type, condition.evaluation)) {
    if (rule.status === "InProgress") closeRule(deps.conditions, rule, "Abandoned", now);
  }
  condition.status = status;
  condition.summary = status === "Overridden" ? "The condition was overridden." : condition.summary;
  condition.updatedMs = now;
  deps.conditions.saveCondition(condition);
}

function closeRule(store: ConditionStore, rule: RuleRecord, status: RuleRecord["status"], at: number): void {
  rule.status = status;
  rule.updatedMs = at;
  rule.dueMs = undefined;
  store.saveRule(rule);
}
