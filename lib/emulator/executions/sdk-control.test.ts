/**
 * Stop, retry, rollback, UpdatePipeline cancelling, the control API (fail-next, time scale,
 * seed) and restart, through the real SDK client against a real emulator.
 */
import {
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
  ListActionExecutionsCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JsonObject } from "../contract";
import { expectAwsError } from "../testing/expect-error";
import { startTestEmulator, type TestEmulator } from "../testing/start-test-emulator";
import { createExecutionEngine } from "./index";
import { approval, build, pipeline, source } from "./testing/builders";
import { actionRuns, approvalToken, asDeclaration, executionStatus, until, waitForStatus } from "./testing/sdk";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 50, createEngine: createExecutionEngine });
});
afterAll(async () => emu?.close());
afterEach(async () => {
  await emu.control("/time-scale", { timeScale: 50 });
});

const threeStages = (name: string, options: { executionMode?: "SUPERSEDED" | "QUEUED" | "PARALLEL" } = {}) =>
  asDeclaration(pipeline(name, [["Source", [source()]], ["Build", [build("Build")]], ["Deploy", [build("Deploy", {}, "Test")]]], options));

/** Creates the pipeline and waits for the run CreatePipeline starts to finish. */
async function createSettled(declaration: ReturnType<typeof threeStages>): Promise<string> {
  const name = declaration.name!;
  await emu.client.send(new CreatePipelineCommand({ pipeline: declaration }));
  await emu.control("/time-scale", { timeScale: 5000 });
  const [first] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
  await until("create run finished", async () => (await executionStatus(emu.client, name, first!.pipelineExecutionId!)) !== "InProgress");
  await emu.control("/time-scale", { timeScale: 50 });
  return name;
}

async function start(name: string): Promise<string> {
  return (await emu.client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
}

async function runningAction(name: string, id: string, actionName: string): Promise<void> {
  await until(`${actionName} running`, async () => (await actionRuns(emu.client, name, id, actionName)).at(-1)?.status === "InProgress");
}

const stop = (pipelineName: string, pipelineExecutionId: string, abandon?: boolean, reason?: string) =>
  emu.client.send(new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId, abandon, reason }));

describe("StopPipelineExecution through the SDK", () => {
  it("stop and wait, then stop and abandon, with the duplicate and not-stoppable exceptions", async () => {
    const name = await createSettled(threeStages("sdk-stop"));
    const waitId = await start(name);
    await runningAction(name, waitId, "Build");
    await emu.control("/time-scale", { timeScale: 1 });
    expect(await stop(name, waitId, false, "Stop for the release window")).toEqual(expect.objectContaining({ pipelineExecutionId: waitId }));
    expect(await executionStatus(emu.client, name, waitId)).toBe("Stopping");
    await expectAwsError(stop(name, waitId, false), "DuplicatedStopRequestException");
    await emu.control("/time-scale", { timeScale: 5000 });
    await waitForStatus(emu.client, name, waitId, "Stopped");
    expect((await actionRuns(emu.client, name, waitId, "Build"))[0]!.status).toBe("Succeeded");
    const summary = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.find(
      (s) => s.pipelineExecutionId === waitId,
    )!;
    expect(summary.stopTrigger).toEqual({ reason: "Stop for the release window" });
    await expectAwsError(stop(name, waitId, true), "PipelineExecutionNotStoppableException");

    await emu.control("/time-scale", { timeScale: 50 });
    const abandonId = await start(name);
    await runningAction(name, abandonId, "Build");
    await stop(name, abandonId, true, "Abandon it");
    expect(await executionStatus(emu.client, name, abandonId)).toBe("Stopped");
    expect((await actionRuns(emu.client, name, abandonId, "Build"))[0]!.status).toBe("Abandoned");
    await expectAwsError(stop(name, "22222222-2222-4222-8222-222222222222"), "PipelineExecutionNotFoundException");
  });
});

describe("RetryStageExecution and RollbackStage through the SDK", () => {
  it("retries failed actions after a control-API fail-next, with the retry exceptions", async () => {
    const name = await createSettled(threeStages("sdk-retry"));
    await emu.control("/time-scale", { timeScale: 5000 });
    const fail = await emu.control("/fail-next", { pipelineName: name, stageName: "Build", actionName: "Build" });
    expect(fail.status).toBe(200);
    const id = await start(name);
    await waitForStatus(emu.client, name, id, "Failed");
    const failed = (await actionRuns(emu.client, name, id, "Build"))[0]!;
    expect(failed.output?.executionResult?.errorDetails).toMatchObject({ code: "JobFailed" });
    const retry = (stageName: string, pipelineExecutionId: string, retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS" = "FAILED_ACTIONS") =>
      emu.client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName, pipelineExecutionId, retryMode }));
    await expectAwsError(retry("Source", id), "StageNotRetryableException");
    await expectAwsError(retry("Nope", id), "StageNotFoundException");
    expect((await retry("Build", id)).pipelineExecutionId).toBe(id);
    await waitForStatus(emu.client, name, id, "Succeeded");
    expect((await actionRuns(emu.client, name, id, "Build")).map((r) => r.status)).toEqual(["Failed", "Succeeded"]);
    const later = await start(name);
    await waitForStatus(emu.client, name, later, "Succeeded");
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    const third = await start(name);
    await waitForStatus(emu.client, name, third, "Failed");
    await expectAwsError(retry("Build", third), "StageNotRetryableException"); // it succeeded there
    await expectAwsError(retry("Build", id), "NotLatestPipelineExecutionException");
    await expectAwsError(retry("Deploy", id), "NotLatestPipelineExecutionException");
  });

  it("rolls a stage back to an earlier execution, with the rollback exceptions", async () => {
    const name = await createSettled(threeStages("sdk-rollback"));
    await emu.control("/time-scale", { timeScale: 5000 });
    const good = await start(name);
    await waitForStatus(emu.client, name, good, "Succeeded");
    const rollback = (stageName: string, targetPipelineExecutionId: string) =>
      emu.client.send(new RollbackStageCommand({ pipelineName: name, stageName, targetPipelineExecutionId }));
    const { pipelineExecutionId } = await rollback("Deploy", good);
    await waitForStatus(emu.client, name, pipelineExecutionId!, "Succeeded");
    const detail = (await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId }))).pipelineExecution!;
    expect(detail).toMatchObject({ executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: good }, trigger: { triggerType: "ManualRollback" } });
    await expectAwsError(rollback("Source", good), "UnableToRollbackStageException");
    await expectAwsError(rollback("Deploy", "33333333-3333-4333-8333-333333333333"), "PipelineExecutionNotFoundException");
    await expectAwsError(rollback("Nope", good), "StageNotFoundException");
    await emu.client.send(new UpdatePipelineCommand({ pipeline: threeStages(name) }));
    await expectAwsError(rollback("Deploy", good), "PipelineExecutionOutdatedException");
  });
});

describe("UpdatePipeline and PARALLEL through the SDK", () => {
  it("cancels an in-flight execution after its running action, keeps PARALLEL runs", async () => {
    const name = await createSettled(threeStages("sdk-update"));
    const id = await start(name);
    await runningAction(name, id, "Build");
    await emu.control("/time-scale", { timeScale: 1 });
    const updated = await emu.client.send(new UpdatePipelineCommand({ pipeline: threeStages(name) }));
    expect(updated.pipeline!.version).toBe(2);
    expect(await executionStatus(emu.client, name, id)).toBe("InProgress");
    await emu.control("/time-scale", { timeScale: 5000 });
    await waitForStatus(emu.client, name, id, "Cancelled");
    expect(await actionRuns(emu.client, name, id, "Deploy")).toEqual([]);

    const parallel = asDeclaration(pipeline("sdk-parallel", [["Source", [source()]], ["Approval", [approval()]]], { executionMode: "PARALLEL" }));
    await emu.client.send(new CreatePipelineCommand({ pipeline: parallel }));
    const runs = [await start("sdk-parallel"), await start("sdk-parallel")];
    const tokens = await until("all waiting", async () => {
      const list = await emu.client.send(new ListActionExecutionsCommand({ pipelineName: "sdk-parallel" }));
      const waiting = (list.actionExecutionDetails ?? []).filter((d) => d.actionName === "Approve" && d.status === "InProgress");
      return waiting.length === 3 ? waiting : undefined;
    });
    await emu.client.send(new UpdatePipelineCommand({ pipeline: parallel }));
    for (const id2 of runs) expect(await executionStatus(emu.client, "sdk-parallel", id2)).toBe("InProgress");
    // PARALLEL pipelines have no meaningful board: the token is the action's external execution id.
    for (const run of tokens) {
      await emu.client.send(
        new PutApprovalResultCommand({
          pipelineName: "sdk-parallel",
          stageName: "Approval",
          actionName: "Approve",
          token: run.output!.executionResult!.externalExecutionId!,
          result: { status: "Approved", summary: "" },
        }),
      );
    }
    for (const id2 of runs) await waitForStatus(emu.client, "sdk-parallel", id2, "Succeeded");
  });

  it("answers list and get exceptions", async () => {
    await expectAwsError(emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "sdk-update", nextToken: "not-a-token" })), "InvalidNextTokenException");
    await expectAwsError(
      emu.client.send(new GetPipelineExecutionCommand({ pipelineName: "sdk-update", pipelineExecutionId: "44444444-4444-4444-8444-444444444444" })),
      "PipelineExecutionNotFoundException",
    );
    await expectAwsError(
      emu.client.send(new ListActionExecutionsCommand({ pipelineName: "sdk-update", filter: { pipelineExecutionId: "44444444-4444-4444-8444-444444444444" } })),
      "PipelineExecutionNotFoundException",
    );
    await expectAwsError(emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "sdk-missing" })), "PipelineNotFoundException");
  });
});

describe("persistence and demo data through the SDK", () => {
  it("keeps a waiting approval across a restart and finishes it afterwards", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-engine-restart-"));
    try {
      let first: TestEmulator | undefined = await startTestEmulator({ timeScale: 500, dataDir, createEngine: createExecutionEngine });
      const declaration = asDeclaration(pipeline("sdk-restart", [["Source", [source()]], ["Approval", [approval()]], ["Build", [build("Build")]]]));
      await first.client.send(new CreatePipelineCommand({ pipeline: declaration }));
      const token = await until("approval token", () => approvalToken(first!.client, "sdk-restart", "Approval"));
      const [run] = (await first.client.send(new ListPipelineExecutionsCommand({ pipelineName: "sdk-restart" }))).pipelineExecutionSummaries!;
      await first.close();
      first = undefined;

      const second = await startTestEmulator({ timeScale: 500, dataDir, createEngine: createExecutionEngine });
      try {
        expect(await approvalToken(second.client, "sdk-restart", "Approval")).toBe(token);
        await second.client.send(
          new PutApprovalResultCommand({ pipelineName: "sdk-restart", stageName: "Approval", actionName: "Approve", token, result: { status: "Approved", summary: "after restart" } }),
        );
        await waitForStatus(second.client, "sdk-restart", run!.pipelineExecutionId!, "Succeeded");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("seeds the demo pipelines with history and one approval waiting", async () => {
    const seeded = await startTestEmulator({ timeScale: 20, seed: true, createEngine: createExecutionEngine });
    try {
      const names = (await seeded.client.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(["payments-api", "storefront-web", "thumbnail-service", "release-train"]));
      const history = (await seeded.client.send(new ListPipelineExecutionsCommand({ pipelineName: "payments-api" }))).pipelineExecutionSummaries!;
      expect(history.map((e) => e.status)).toEqual(expect.arrayContaining(["InProgress", "Succeeded", "Failed", "Superseded"]));
      // The pipeline was created before its oldest execution, as a real one would be.
      const created = (await seeded.client.send(new ListPipelinesCommand({}))).pipelines!.find((p) => p.name === "payments-api")!.created!;
      const oldest = Math.min(...history.map((e) => e.startTime!.getTime()));
      expect(created.getTime()).toBeLessThanOrEqual(oldest);
      expect(await approvalToken(seeded.client, "payments-api", "Approval", "ManualApproval")).toMatch(/^[0-9a-f-]{36}$/);
      const reseed = await seeded.control("/seed");
      expect(reseed.status).toBe(200);
      expect((reseed.body as JsonObject).pipelines).toEqual(expect.arrayContaining(["payments-api"]));
    } finally {
      await seeded.close();
    }
  });
});
