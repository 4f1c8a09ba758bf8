import "server-only";
import { ListActionExecutionsCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { ActionExecutionView, PipelineExecutionSummary } from "@/lib/domain/execution/view-model";
import { defaultGateway, type Gateway } from "./client";
import { reshapeActionExecution, reshapeExecutionSummary } from "./reshape";

/**
 * One page of a history, for readers that must not load everything: the history page follows
 * `nextToken` one page per click, and the state page needs only the newest few runs.
 * (`executions.ts` follows every page for readers that need the whole history.)
 * Both operations answer newest first
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelineExecutions.html).
 */

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/** ListPipelineExecutions: `maxResults` 1..100. Throws GatewayException. */
export async function listPipelineExecutionsPage(
  input: { pipelineName: string; maxResults: number; nextToken?: string },
  gw: Gateway = defaultGateway(),
): Promise<Page<PipelineExecutionSummary>> {
  const out = await gw.call((c) => c.send(new ListPipelineExecutionsCommand({ ...input })));
  return {
    items: (out.pipelineExecutionSummaries ?? []).map(reshapeExecutionSummary),
    ...(out.nextToken && { nextToken: out.nextToken }),
  };
}

/** ListActionExecutions of the whole pipeline: `maxResults` 1..100. Throws GatewayException. */
export async function listActionExecutionsPage(
  input: { pipelineName: string; maxResults: number },
  gw: Gateway = defaultGateway(),
): Promise<Page<ActionExecutionView>> {
  const out = await gw.call((c) => c.send(new ListActionExecutionsCommand({ ...input })));
  return {
    items: (out.actionExecutionDetails ?? []).map(reshapeActionExecution),
    ...(out.nextToken && { nextToken: out.nextToken }),
  };
}
