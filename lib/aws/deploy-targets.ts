import "server-only";
import { ListDeployActionExecutionTargetsCommand } from "@aws-sdk/client-codepipeline";
import type { DeployTargetView } from "@/lib/domain/execution/deploy-targets";
import { defaultGateway, type Gateway } from "./client";

const iso = (d: Date | undefined) => (d === undefined ? undefined : d.toISOString());

/**
 * The targets of one EC2 or Lambda deploy action run, all pages
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html).
 * Throws GatewayException.
 */
export async function listDeployActionExecutionTargets(
  input: { pipelineName: string; actionExecutionId: string },
  gw: Gateway = defaultGateway(),
): Promise<DeployTargetView[]> {
  const all: DeployTargetView[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(new ListDeployActionExecutionTargetsCommand({ pipelineName: input.pipelineName, actionExecutionId: input.actionExecutionId, maxResults: 100, nextToken })),
    );
    for (const t of page.targets ?? []) {
      all.push({
        targetId: t.targetId,
        targetType: t.targetType,
        status: t.status,
        startTime: iso(t.startTime),
        endTime: iso(t.endTime),
        events: (t.events ?? []).map((e) => ({ name: e.name, status: e.status, startTime: iso(e.startTime), endTime: iso(e.endTime), message: e.context?.message })),
      });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
