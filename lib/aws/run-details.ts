import "server-only";
import {
  ListDeployActionExecutionTargetsCommand,
  ListRuleExecutionsCommand,
  OverrideStageConditionCommand,
  type DeployActionExecutionTarget,
  type RuleExecutionDetail,
} from "@aws-sdk/client-codepipeline";
import type {
  DeployTargetView,
  OverridableConditionType,
  RuleExecutionView,
} from "@/lib/domain/execution/run-details-view";
import { toRuleExecutionStatus } from "@/lib/domain/execution/status";
import { defaultGateway, type Gateway } from "./client";
import { iso, typeIdView } from "./reshape";

/**
 * Stage-condition rule runs, condition overrides and deploy targets
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListRuleExecutions.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html).
 * Every function throws GatewayException, like the other execution operations.
 */


function reshapeRuleExecution(d: RuleExecutionDetail): RuleExecutionView {
  const typeId = d.input?.ruleTypeId;
  const result = d.output?.executionResult;
  return {
    executionId: d.pipelineExecutionId ?? "",
    ruleExecutionId: d.ruleExecutionId,
    pipelineVersion: d.pipelineVersion,
    stageName: d.stageName ?? "",
    ruleName: d.ruleName ?? "",
    startTime: iso(d.startTime),
    lastUpdateTime: iso(d.lastUpdateTime),
    updatedBy: d.updatedBy,
    status: toRuleExecutionStatus(d.status),
    input: {
      ruleTypeId: typeIdView(typeId),
      configuration: d.input?.configuration ?? {},
      resolvedConfiguration: d.input?.resolvedConfiguration ?? {},
      region: d.input?.region,
    },
    output: {
      externalExecutionId: result?.externalExecutionId,
      externalExecutionSummary: result?.externalExecutionSummary,
      externalExecutionUrl: result?.externalExecutionUrl,
      errorDetails: result?.errorDetails && { code: result.errorDetails.code, message: result.errorDetails.message },
    },
  };
}

/** Every rule run of a pipeline (all pages, newest first), or of one execution when `executionId` is given. */
export async function listRuleExecutions(
  input: { pipelineName: string; executionId?: string },
  gw: Gateway = defaultGateway(),
): Promise<RuleExecutionView[]> {
  const all: RuleExecutionView[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(
        new ListRuleExecutionsCommand({
          pipelineName: input.pipelineName,
          filter: input.executionId ? { pipelineExecutionId: input.executionId } : undefined,
          maxResults: 100,
          nextToken,
        }),
      ),
    );
    all.push(...(page.ruleExecutionDetails ?? []).map(reshapeRuleExecution));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/** Lets the latest execution of a stage past its entry or success condition. */
export async function overrideStageCondition(
  input: { pipelineName: string; stageName: string; executionId: string; conditionType: OverridableConditionType },
  gw: Gateway = defaultGateway(),
): Promise<void> {
  await gw.call((c) =>
    c.send(
      new OverrideStageConditionCommand({
        pipelineName: input.pipelineName,
        stageName: input.stageName,
        pipelineExecutionId: input.executionId,
        conditionType: input.conditionType,
      }),
    ),
  );
}

function reshapeTarget(t: DeployActionExecutionTarget): DeployTargetView {
  return {
    targetId: t.targetId,
    targetType: t.targetType,
    status: t.status,
    startTime: iso(t.startTime),
    endTime: iso(t.endTime),
    events: (t.events ?? []).map((e) => ({
      name: e.name,
      status: e.status,
      startTime: iso(e.startTime),
      endTime: iso(e.endTime),
      message: e.context?.message,
    })),
  };
}

/** The targets of one Lambda or EC2 deploy action run and their progress (all pages). */
export async function listDeployActionExecutionTargets(
  input: { pipelineName: string; actionExecutionId: string },
  gw: Gateway = defaultGateway(),
): Promise<DeployTargetView[]> {
  const all: DeployTargetView[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(
        new ListDeployActionExecutionTargetsCommand({
          pipelineName: input.pipelineName,
          actionExecutionId: input.actionExecutionId,
          maxResults: 100,
          nextToken,
        }),
      ),
    );
    all.push(...(page.targets ?? []).map(reshapeTarget));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
