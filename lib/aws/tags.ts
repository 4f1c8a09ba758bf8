import "server-only";
import { ListTagsForResourceCommand } from "@aws-sdk/client-codepipeline";
import { partitionOf } from "@/lib/domain/catalog/regions";
import { defaultGateway, type Gateway } from "./client";

export interface PipelineTag {
  readonly key: string;
  readonly value: string;
}

/** A pipeline's ARN (https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#ACP_ARN_Format). */
export function pipelineArn(region: string, account: string, name: string): string {
  const partition = partitionOf(region);
  return `arn:${partition === "other" ? "aws" : partition}:codepipeline:${region}:${account}:${name}`;
}

/** ListTagsForResource of a pipeline, every page. Throws GatewayException. */
export async function listPipelineTags(input: { region: string; account: string; name: string }, gw: Gateway = defaultGateway(input.region)): Promise<PipelineTag[]> {
  const resourceArn = pipelineArn(input.region, input.account, input.name);
  const all: PipelineTag[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) => c.send(new ListTagsForResourceCommand({ resourceArn, nextToken })));
    for (const tag of page.tags ?? []) if (tag.key !== undefined) all.push({ key: tag.key, value: tag.value ?? "" });
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
