import "server-only";
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  ListPipelinesCommand,
  UpdatePipelineCommand,
} from "@aws-sdk/client-codepipeline";
import type { PipelineDeclaration } from "@/lib/domain/pipeline/declaration";
import type { PipelineDetail, PipelineSummary } from "@/lib/domain/execution/view-model";
import { defaultGateway, type Gateway } from "./client";
import { reshapePipeline, reshapePipelineSummary } from "./reshape";

/**
 * Definition operations (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Operations.html).
 * Every function throws GatewayException, so the pages handle one closed set of failures.
 */

// The SDK returns the declaration with every member optional; the stored one is complete, so it
// is read as the domain's (zod-inferred) wire type. Sending needs no cast: that direction checks.
const fromSdk = (d: unknown) => d as PipelineDeclaration;

/** Every pipeline in the region, following `nextToken` to the last page (`pageSize` 1..1000). */
export async function listPipelines(
  options: { pageSize?: number } = {},
  gw: Gateway = defaultGateway(),
): Promise<PipelineSummary[]> {
  const all: PipelineSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.call((c) =>
      c.send(new ListPipelinesCommand({ nextToken, maxResults: options.pageSize ?? 1000 })),
    );
    all.push(...(page.pipelines ?? []).map(reshapePipelineSummary));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/** The declaration, metadata and version of a pipeline (the latest version unless one is given). */
export function getPipeline(input: { name: string; version?: number }, gw: Gateway = defaultGateway()): Promise<PipelineDetail> {
  return gw.call(async (c) => reshapePipeline(await c.send(new GetPipelineCommand(input))));
}

export interface CreatePipelineInput {
  readonly declaration: PipelineDeclaration;
  readonly tags?: ReadonlyArray<{ key: string; value: string }>;
}

/** Creates the pipeline; returns the stored declaration (with `version` 1). */
export function createPipeline(input: CreatePipelineInput, gw: Gateway = defaultGateway()): Promise<PipelineDeclaration> {
  return gw.call(
    async (c) => {
      const out = await c.send(
        new CreatePipelineCommand({ pipeline: input.declaration, tags: input.tags?.map((t) => ({ ...t })) }),
      );
      return fromSdk(out.pipeline);
    },
    { definition: true },
  );
}

/** Replaces the definition; the service increments `version` and ends in-flight work as AWS does. */
export function updatePipeline(input: { declaration: PipelineDeclaration }, gw: Gateway = defaultGateway()): Promise<PipelineDeclaration> {
  return gw.call(
    async (c) => {
      const out = await c.send(new UpdatePipelineCommand({ pipeline: input.declaration }));
      return fromSdk(out.pipeline);
    },
    { definition: true },
  );
}

/** Deletes the pipeline. Like AWS, deleting a pipeline that does not exist is not an error. */
export async function deletePipeline(input: { name: string }, gw: Gateway = defaultGateway()): Promise<void> {
  await gw.call((c) => c.send(new DeletePipelineCommand(input)));
}
