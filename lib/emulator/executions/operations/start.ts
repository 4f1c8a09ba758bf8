/**
 * StartPipelineExecution: a new execution waits at the first stage's boundary, with its source
 * revisions decided now (or taken from `sourceRevisions`), pipeline variables resolved
 * (declared names only, defaults applied) and `clientRequestToken` idempotency.
 */
import type { JsonObject } from "../../contract";
import { ServiceError, serviceErrors } from "../../errors";
import type { EngineContext } from "../context";
import { CALLER_ARN } from "../../identity";
import { isSourceAction, type PipelinePlan } from "../pipeline-plan";
import type { ResolvedVariable } from "../records";
import { allowedRevisionTypes, type RevisionOverride } from "../simulation/revisions";
import { optionalArray, optionalString, requiredString } from "../wire";

/** Executions a QUEUED or PARALLEL pipeline may hold at once (in progress plus waiting). */
export const CONCURRENT_EXECUTION_LIMIT = 50;

export function startPipelineExecution(ctx: EngineContext, input: JsonObject): JsonObject {
  const name = requiredString(input, "name");
  const plan = ctx.plans.current(name);
  const variablesInput = optionalArray(input, "variables");
  const overridesInput = optionalArray(input, "sourceRevisions");
  const token = optionalString(input, "clientRequestToken");
  const fingerprint = JSON.stringify({ v: variablesInput, s: overridesInput });

  if (token !== undefined) {
    const earlier = ctx.store.findByClientToken(name, token);
    if (earlier) {
      if (earlier.requestFingerprint !== fingerprint) {
        throw new ServiceError(
          "ConflictException",
          `The client request token ${token} was already used to start execution ${earlier.id} with different parameters.`,
        );
      }
      return { pipelineExecutionId: earlier.id };
    }
  }
  const variables = resolveVariables(plan, variablesInput, true);
  const overrides = checkOverrides(plan, overridesInput);
  checkConcurrency(ctx, plan);

  const now = ctx.now();
  const execution = ctx.runner.launch(
    {
      plan,
      triggerType: "StartPipelineExecution",
      triggerDetail: CALLER_ARN,
      variables,
      overrides,
      clientRequestToken: token,
      requestFingerprint: fingerprint,
    },
    now,
  );
  ctx.runner.advance(now, name);
  return { pipelineExecutionId: execution.id };
}

/** CreatePipeline starts the new pipeline once, as AWS does (trigger `CreatePipeline`). */
export function startOnCreate(ctx: EngineContext, pipelineName: string): void {
  const plan = ctx.plans.current(pipelineName);
  const now = ctx.now();
  ctx.runner.launch(
    { plan, triggerType: "CreatePipeline", triggerDetail: CALLER_ARN, variables: resolveVariables(plan, [], false) },
    now,
  );
  ctx.runner.advance(now, pipelineName);
}

/**
 * Declared variables with the value given or their default. A start request may only name
 * declared variables, once each, and must give a value to those without a default.
 */
export function resolveVariables(plan: PipelinePlan, given: readonly JsonObject[], strict: boolean): ResolvedVariable[] {
  if (given.length > 0 && plan.pipelineType === "V1") {
    throw serviceErrors.validation("Pipeline variables can only be used with V2 pipelines.");
  }
  const values = new Map<string, string>();
  for (const item of given) {
    const varName = String(item.name);
    if (!plan.variables.some((v) => v.name === varName)) {
      throw serviceErrors.validation(`Variable '${varName}' is not declared in pipeline '${plan.name}'.`);
    }
    if (values.has(varName)) throw serviceErrors.validation(`Variable '${varName}' is specified more than once.`);
    values.set(varName, String(item.value));
  }
  const resolved: ResolvedVariable[] = [];
  for (const declared of plan.variables) {
    const value = values.get(declared.name) ?? declared.defaultValue;
    if (value === undefined) {
      if (strict) {
        throw serviceErrors.validation(
          `Variable '${declared.name}' has no default value; provide a value for it when you start the pipeline.`,
        );
      }
      continue;
    }
    resolved.push({ name: declared.name, resolvedValue: value });
  }
  return resolved;
}

function checkOverrides(plan: PipelinePlan, given: readonly JsonObject[]): RevisionOverride[] {
  if (given.length > 0 && plan.pipelineType === "V1") {
    throw serviceErrors.validation("Source revision overrides can only be used with V2 pipelines.");
  }
  const sources = (plan.stages[0]?.actions ?? []).filter(isSourceAction);
  const seen = new Set<string>();
  return given.map((item) => {
    const override = {
      actionName: String(item.actionName),
      revisionType: String(item.revisionType),
      revisionValue: String(item.revisionValue),
    };
    const action = sources.find((a) => a.name === override.actionName);
    if (!action) {
      throw serviceErrors.validation(`The source action '${override.actionName}' does not exist in pipeline '${plan.name}'.`);
    }
    if (!allowedRevisionTypes(action).includes(override.revisionType)) {
      throw serviceErrors.validation(
        `Revision type ${override.revisionType} is not supported for source action '${action.name}' (provider ${action.actionTypeId.provider}).`,
      );
    }
    const key = `${override.actionName}\u0000${override.revisionType}`;
    if (seen.has(key)) {
      throw serviceErrors.validation(`Source revision ${override.revisionType} for action '${override.actionName}' is specified more than once.`);
    }
    seen.add(key);
    return override;
  });
}

export function checkConcurrency(ctx: EngineContext, plan: PipelinePlan): void {
  if (plan.executionMode === "SUPERSEDED") return; // older waiting executions are superseded instead
  if (ctx.store.activeExecutions(plan.name).length >= CONCURRENT_EXECUTION_LIMIT) {
    throw new ServiceError(
      "ConcurrentPipelineExecutionsLimitExceededException",
      `The pipeline ${plan.name} has reached the limit of ${CONCURRENT_EXECUTION_LIMIT} concurrent executions in ${plan.executionMode} mode.`,
    );
  }
}
