import "server-only";
import { OverrideStageConditionCommand } from "@aws-sdk/client-codepipeline";
import type { OverrideConditionType } from "@/lib/domain/execution/stage-conditions";
import { defaultGateway, type Gateway } from "./client";

/**
 * Lets an execution through a stage's entry or success condition that holds it
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html).
 * Throws GatewayException (ConditionNotOverridableException, NotLatestPipelineExecutionException … mapped in errors.ts).
 */
export async function overrideStageCondition(
  input: { pipelineName: string; stageName: string; executionId: string; conditionType: OverrideConditionType },
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
