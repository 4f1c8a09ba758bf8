/**
 * The shell's part of the execution operations: input validation and PipelineNotFoundException,
 * answered before the engine runs. The engine's own behaviour is tested in executions/; here
 * only a smoke test that the delegation reaches it.
 */
import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  CreatePipelineCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

const ID = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const TOKEN = "11111111-2222-4333-8444-555555555555";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("exists") }));
});
afterAll(() => emu.close());

const missing = "nope";
const notFound = `Account '123456789012' does not have a pipeline with name '${missing}'`;

describe("PipelineNotFoundException before the engine runs", () => {
  const calls = {
    GetPipelineState: () => new GetPipelineStateCommand({ name: missing }),
    StartPipelineExecution: () => new StartPipelineExecutionCommand({ name: missing }),
    StopPipelineExecution: () => new StopPipelineExecutionCommand({ pipelineName: missing, pipelineExecutionId: ID }),
    GetPipelineExecution: () => new GetPipelineExecutionCommand({ pipelineName: missing, pipelineExecutionId: ID }),
    ListPipelineExecutions: () => new ListPipelineExecutionsCommand({ pipelineName: missing }),
    ListActionExecutions: () => new ListActionExecutionsCommand({ pipelineName: missing }),
    RetryStageExecution: () =>
      new RetryStageExecutionCommand({ pipelineName: missing, stageName: "Build", pipelineExecutionId: ID, retryMode: "FAILED_ACTIONS" }),
    RollbackStage: () => new RollbackStageCommand({ pipelineName: missing, stageName: "Build", targetPipelineExecutionId: ID }),
    PutApprovalResult: () =>
      new PutApprovalResultCommand({
        pipelineName: missing, stageName: "Approve", actionName: "Approve", token: TOKEN, result: { summary: "ok", status: "Approved" },
      }),
    EnableStageTransition: () => new EnableStageTransitionCommand({ pipelineName: missing, stageName: "Build", transitionType: "Inbound" }),
    DisableStageTransition: () =>
      new DisableStageTransitionCommand({ pipelineName: missing, stageName: "Build", transitionType: "Inbound", reason: "Hold (QA)" }),
  };
  it.each(Object.entries(calls))("%s", async (_op, command) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table over eleven command types
    await expectAwsError(emu.client.send(command() as any), "PipelineNotFoundException", notFound);
  });
});

describe("input validation in AWS's wording", () => {
  const expectValidation = (call: Promise<unknown>, message: string) => expectAwsError(call, "ValidationException", `1 validation error detected: ${message}`);

  it("DisableStageTransition reason: pattern and length", async () => {
    await expectValidation(
      emu.client.send(new DisableStageTransitionCommand({ pipelineName: "exists", stageName: "Build", transitionType: "Inbound", reason: "QA, see ticket #12" })),
      "Value at 'reason' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+",
    );
    await expectValidation(
      emu.client.send(new DisableStageTransitionCommand({ pipelineName: "exists", stageName: "Build", transitionType: "Inbound", reason: "x".repeat(301) })),
      "Value at 'reason' failed to satisfy constraint: Member must have length less than or equal to 300",
    );
  });

  it("transitionType enum", async () => {
    await expectValidation(
      emu.client.send(new EnableStageTransitionCommand({ pipelineName: "exists", stageName: "Build", transitionType: "inbound" as never })),
      "Value at 'transitionType' failed to satisfy constraint: Member must satisfy enum value set: [Inbound, Outbound]",
    );
  });

  it("StartPipelineExecution clientRequestToken, variables and source revisions", async () => {
    await expectValidation(
      emu.client.send(new StartPipelineExecutionCommand({ name: "exists", clientRequestToken: "run_1" })),
      "Value at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-]+",
    );
    await expectValidation(
      emu.client.send(new StartPipelineExecutionCommand({ name: "exists", variables: [] })),
      "Value at 'variables' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    await expectValidation(
      emu.client.send(new StartPipelineExecutionCommand({ name: "exists", sourceRevisions: [{ actionName: "Source", revisionType: "BRANCH" as never, revisionValue: "x" }] })),
      "Value at 'sourceRevisions.1.member.revisionType' failed to satisfy constraint: Member must satisfy enum value set: [COMMIT_ID, IMAGE_DIGEST, S3_OBJECT_VERSION_ID, S3_OBJECT_KEY]",
    );
  });

  it("execution ids and approval tokens are UUIDs", async () => {
    await expectAwsError(
      emu.client.send(new GetPipelineExecutionCommand({ pipelineName: "exists", pipelineExecutionId: "latest" })),
      "ValidationException",
      "2 validation errors detected: " +
        "Value at 'pipelineExecutionId' failed to satisfy constraint: Member must have length greater than or equal to 36; " +
        "Value at 'pipelineExecutionId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    );
    await expectValidation(
      emu.client.send(
        new PutApprovalResultCommand({
          pipelineName: "exists", stageName: "Approve", actionName: "Approve", token: "zzzzzzzz-2222-4333-8444-555555555555", result: { summary: "", status: "Approved" },
        }),
      ),
      "Value at 'token' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}",
    );
  });

  it("StopPipelineExecution reason ≤ 200 and RetryStageExecution retryMode", async () => {
    await expectValidation(
      emu.client.send(new StopPipelineExecutionCommand({ pipelineName: "exists", pipelineExecutionId: ID, reason: "r".repeat(201) })),
      "Value at 'reason' failed to satisfy constraint: Member must have length less than or equal to 200",
    );
    await expectValidation(
      emu.client.send(new RetryStageExecutionCommand({ pipelineName: "exists", stageName: "Build", pipelineExecutionId: ID, retryMode: "FAILED" as never })),
      "Value at 'retryMode' failed to satisfy constraint: Member must satisfy enum value set: [FAILED_ACTIONS, ALL_ACTIONS]",
    );
  });

  it("ListPipelineExecutions maxResults 1..100", async () => {
    await expectValidation(
      emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "exists", maxResults: 101 })),
      "Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  });
});

describe("delegation to the engine", () => {
  it("GetPipelineState answers the pipeline's stages", async () => {
    const state = await emu.client.send(new GetPipelineStateCommand({ name: "exists" }));
    expect(state.pipelineName).toBe("exists");
    expect(state.stageStates?.map((s) => s.stageName)).toEqual(["Source", "Build", "Approve"]);
  });

  it("StartPipelineExecution answers an execution id that GetPipelineExecution knows", async () => {
    const started = await emu.client.send(new StartPipelineExecutionCommand({ name: "exists" }));
    expect(started.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);
    const got = await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: "exists", pipelineExecutionId: started.pipelineExecutionId }));
    expect(got.pipelineExecution?.pipelineExecutionId).toBe(started.pipelineExecutionId);
  });
});
