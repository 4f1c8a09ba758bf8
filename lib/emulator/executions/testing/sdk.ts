/** Helpers for SDK-level engine tests: bounded polling and small readers over SDK outputs. */
import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  type ActionExecutionDetail,
  type CodePipelineClient,
  type PipelineDeclaration,
  type StageState,
} from "@aws-sdk/client-codepipeline";
import type { JsonObject } from "../../contract";

export const asDeclaration = (declaration: JsonObject) => declaration as unknown as PipelineDeclaration;

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function executionStatus(client: CodePipelineClient, pipelineName: string, id: string): Promise<string | undefined> {
  const out = await client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: id }));
  return out.pipelineExecution?.status;
}

export async function waitForStatus(client: CodePipelineClient, pipelineName: string, id: string, status: string): Promise<void> {
  await until(`${id} ${status}`, async () => (await executionStatus(client, pipelineName, id)) === status);
}

export async function stageState(client: CodePipelineClient, name: string, stageName: string): Promise<StageState | undefined> {
  const out = await client.send(new GetPipelineStateCommand({ name }));
  return out.stageStates?.find((s) => s.stageName === stageName);
}

/** The token of the approval waiting in a stage, from GetPipelineState. */
export async function approvalToken(client: CodePipelineClient, name: string, stageName: string, actionName = "Approve"): Promise<string | undefined> {
  const stage = await stageState(client, name, stageName);
  return stage?.actionStates?.find((a) => a.actionName === actionName)?.latestExecution?.token;
}

export async function actionRuns(client: CodePipelineClient, pipelineName: string, id: string, actionName?: string): Promise<ActionExecutionDetail[]> {
  const out = await client.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId: id } }));
  return (out.actionExecutionDetails ?? []).filter((d) => actionName === undefined || d.actionName === actionName).reverse();
}
