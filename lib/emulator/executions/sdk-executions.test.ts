/**
 * The execution operations through the real SDK client against a real emulator: responses as
 * the SDK parses them (Dates, enums) and every exception by name.
 */
import {
  CreatePipelineCommand,
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAwsError } from "../testing/expect-error";
import { startTestEmulator, type TestEmulator } from "../testing/start-test-emulator";
import { createExecutionEngine } from "./index";
import { approval, build, pipeline, source } from "./testing/builders";
import { actionRuns, approvalToken, asDeclaration, stageState, until, waitForStatus } from "./testing/sdk";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 500, createEngine: createExecutionEngine });
});
afterAll(async () => emu?.close());

const approvalPipeline = (name: string, mode?: "SUPERSEDED" | "QUEUED" | "PARALLEL") =>
  asDeclaration(pipeline(name, [["Source", [source()]], ["Approval", [approval()]], ["Build", [build("Build")]]], { executionMode: mode, variables: [{ name: "Env", defaultValue: "dev" }] }));

async function create(declaration: ReturnType<typeof approvalPipeline>): Promise<string> {
  await emu.client.send(new CreatePipelineCommand({ pipeline: declaration }));
  return declaration.name!;
}

const approve = (pipelineName: string, token: string, status: "Approved" | "Rejected" = "Approved", stageName = "Approval", actionName = "Approve") =>
  emu.client.send(new PutApprovalResultCommand({ pipelineName, stageName, actionName, token, result: { status, summary: `${status} by test` } }));

describe("through the SDK", () => {
  it("CreatePipeline starts a run; the board, approval, execution and action views work end to end", async () => {
    const name = await create(approvalPipeline("sdk-flow"));
    const list = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    const first = list.pipelineExecutionSummaries![0]!;
    expect(first).toMatchObject({ status: "InProgress", trigger: { triggerType: "CreatePipeline" }, executionMode: "SUPERSEDED", executionType: "STANDARD" });
    expect(first.startTime).toBeInstanceOf(Date);
    const id = first.pipelineExecutionId!;

    const token = await until("approval token", () => approvalToken(emu.client, name, "Approval"));
    const state = await emu.client.send(new GetPipelineStateCommand({ name }));
    expect(state).toMatchObject({ pipelineName: name, pipelineVersion: 1 });
    expect(state.created).toBeInstanceOf(Date);
    expect(state.stageStates!.map((s) => s.stageName)).toEqual(["Source", "Approval", "Build"]);
    expect(state.stageStates![1]!.latestExecution).toEqual({ pipelineExecutionId: id, status: "InProgress", type: "STANDARD" });
    const answer = await approve(name, token);
    expect(answer.approvedAt).toBeInstanceOf(Date);
    await waitForStatus(emu.client, name, id, "Succeeded");

    const detail = (await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }))).pipelineExecution!;
    expect(detail).toMatchObject({ pipelineName: name, pipelineVersion: 1, status: "Succeeded", variables: [{ name: "Env", resolvedValue: "dev" }] });
    expect(detail.artifactRevisions![0]).toMatchObject({ name: "SourceOutput", revisionId: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(detail.artifactRevisions![0]!.created).toBeInstanceOf(Date);

    const page1 = await emu.client.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id }, maxResults: 2 }));
    const page2 = await emu.client.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id }, maxResults: 2, nextToken: page1.nextToken }));
    const runs = [...page1.actionExecutionDetails!, ...page2.actionExecutionDetails!];
    expect(runs.map((r) => r.actionName)).toEqual(["Build", "Approve", "Source"]);
    expect(runs[1]).toMatchObject({ status: "Succeeded", output: { executionResult: { externalExecutionSummary: "Approved by test" } } });
    expect(runs[0]!.startTime).toBeInstanceOf(Date);
    expect(runs[2]!.output!.outputVariables).toMatchObject({ BranchName: "main", CommitId: expect.any(String) });
  });

  it("answers the approval exceptions", async () => {
    const name = await create(approvalPipeline("sdk-approval"));
    const token = await until("approval token", () => approvalToken(emu.client, name, "Approval"));
    await expectAwsError(approve(name, "11111111-1111-4111-8111-111111111111"), "InvalidApprovalTokenException");
    await expectAwsError(approve(name, token, "Approved", "Nope"), "StageNotFoundException");
    await expectAwsError(approve(name, token, "Approved", "Approval", "Nope"), "ActionNotFoundException");
    await expectAwsError(approve("sdk-missing", token), "PipelineNotFoundException");
    await approve(name, token, "Rejected");
    await expectAwsError(approve(name, token), "ApprovalAlreadyCompletedException");
    const [summary] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    await waitForStatus(emu.client, name, summary!.pipelineExecutionId!, "Failed");
  });

  it("StartPipelineExecution: variables, idempotency and its exceptions", async () => {
    const name = await create(approvalPipeline("sdk-start", "QUEUED"));
    const start = (input: Partial<ConstructorParameters<typeof StartPipelineExecutionCommand>[0]> = {}) =>
      emu.client.send(new StartPipelineExecutionCommand({ name, ...input }));
    const { pipelineExecutionId } = await start({ variables: [{ name: "Env", value: "prod" }], clientRequestToken: "deploy-1" });
    expect((await start({ variables: [{ name: "Env", value: "prod" }], clientRequestToken: "deploy-1" })).pipelineExecutionId).toBe(pipelineExecutionId);
    await expectAwsError(start({ clientRequestToken: "deploy-1" }), "ConflictException");
    await expectAwsError(start({ variables: [{ name: "Nope", value: "x" }] }), "ValidationException");
    await expectAwsError(emu.client.send(new StartPipelineExecutionCommand({ name: "sdk-missing" })), "PipelineNotFoundException");
    const detail = (await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId }))).pipelineExecution!;
    expect(detail.variables).toEqual([{ name: "Env", resolvedValue: "prod" }]);
    // The create run and this one are active; fill the queue to the limit.
    for (let i = 0; i < 48; i++) await start();
    await expectAwsError(start(), "ConcurrentPipelineExecutionsLimitExceededException");
    const active = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    expect(active.filter((e) => e.status === "InProgress")).toHaveLength(50);
  });

  it("Disable/EnableStageTransition hold and release executions", async () => {
    const name = await create(asDeclaration(pipeline("sdk-gate", [["Source", [source()]], ["Build", [build("Build")]]])));
    const [created] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    await waitForStatus(emu.client, name, created!.pipelineExecutionId!, "Succeeded");
    await emu.client.send(new DisableStageTransitionCommand({ pipelineName: name, stageName: "Build", transitionType: "Inbound", reason: "Freeze (week 48)" }));
    const { pipelineExecutionId } = await emu.client.send(new StartPipelineExecutionCommand({ name }));
    const held = await until("held", async () => {
      const stage = await stageState(emu.client, name, "Build");
      return stage?.inboundExecution?.pipelineExecutionId === pipelineExecutionId ? stage : undefined;
    });
    expect(held.inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Freeze (week 48)", lastChangedBy: expect.any(String) });
    expect(held.inboundTransitionState!.lastChangedAt).toBeInstanceOf(Date);
    await emu.client.send(new EnableStageTransitionCommand({ pipelineName: name, stageName: "Build", transitionType: "Inbound" }));
    await waitForStatus(emu.client, name, pipelineExecutionId!, "Succeeded");
    await expectAwsError(
      emu.client.send(new DisableStageTransitionCommand({ pipelineName: name, stageName: "Nope", transitionType: "Inbound", reason: "x" })),
      "StageNotFoundException",
    );
    await expectAwsError(
      emu.client.send(new EnableStageTransitionCommand({ pipelineName: "sdk-missing", stageName: "Build", transitionType: "Inbound" })),
      "PipelineNotFoundException",
    );
  });

  it("QUEUED runs executions in arrival order; SUPERSEDED lets the newest overtake", async () => {
    const queued = await create(approvalPipeline("sdk-queued", "QUEUED"));
    const superseded = await create(approvalPipeline("sdk-superseded"));
    const ids = async (name: string) => {
      const a = (await emu.client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
      const b = (await emu.client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
      return [a, b] as const;
    };
    const [q1, q2] = await ids(queued);
    const [s1, s2] = await ids(superseded);
    await until("queued both waiting", async () => (await stageState(emu.client, queued, "Approval"))?.inboundExecutions?.length === 2);
    const q = await stageState(emu.client, queued, "Approval");
    expect(q!.inboundExecutions!.map((e) => e.pipelineExecutionId)).toEqual([q1, q2]);
    await waitForStatus(emu.client, superseded, s1, "Superseded");
    const s = await until("newest waits", async () => (await stageState(emu.client, superseded, "Approval"))?.inboundExecution);
    expect(s.pipelineExecutionId).toBe(s2);
    const runs = await actionRuns(emu.client, queued, q1);
    expect(runs.map((r) => r.actionName)).toEqual(["Source"]);
  });
});
