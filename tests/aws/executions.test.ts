import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "@/lib/aws/client";
import { GatewayException } from "@/lib/aws/errors";
import {
  disableStageTransition,
  enableStageTransition,
  getPipelineExecution,
  getPipelineState,
  listActionExecutions,
  listPipelineExecutions,
  putApprovalResult,
  retryStageExecution,
  startPipelineExecution,
  stopPipelineExecution,
} from "@/lib/aws/executions";
import { createReadContext } from "@/lib/aws/cached-reads";
import { readLatestForRow, readRegionListings } from "@/lib/aws/overview";
import { createPipeline } from "@/lib/aws/pipelines";
import { isTerminal } from "@/lib/domain/execution/status";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { approvalPipeline, buildPipeline, eventually, quiesce } from "./fixtures";
import { gatewayFor } from "./test-gateway";

/** The gateway's execution operations against a real emulator, through the real SDK. */
let emu: TestEmulator;
let gw: Gateway;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  gw = gatewayFor(emu.url);
  await createPipeline({ declaration: approvalPipeline("gw-approval") }, gw);
  await createPipeline({ declaration: buildPipeline("gw-build") }, gw);
  await quiesce(emu.client, "gw-approval");
  await quiesce(emu.client, "gw-build");
});
afterAll(() => emu?.close());

async function settledStatus(pipelineName: string, executionId: string) {
  return eventually(async () => {
    const e = await getPipelineExecution({ pipelineName, executionId }, gw);
    return e.status && isTerminal(e.status) ? e.status : undefined;
  }, `execution ${executionId} to finish`);
}

async function failure(call: Promise<unknown>) {
  const thrown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(GatewayException);
  return (thrown as GatewayException).error;
}

describe("executions through the gateway", () => {
  it("runs to a manual approval, shows the board, and finishes once approved", async () => {
    const executionId = await startPipelineExecution({ name: "gw-approval" }, gw);
    expect(executionId).toMatch(/^[0-9a-f-]{36}$/);

    const token = await eventually(async () => {
      const state = await getPipelineState({ name: "gw-approval" }, gw);
      const run = state.stages.find((s) => s.stageName === "Approve")?.actions[0]?.latestExecution;
      return run?.status === "InProgress" ? run.token : undefined;
    }, "the approval token");

    const state = await getPipelineState({ name: "gw-approval" }, gw);
    expect(state.pipelineName).toBe("gw-approval");
    expect(state.pipelineVersion).toBe(1);
    expect(state.stages.map((s) => s.stageName)).toEqual(["Source", "Approve", "Build"]);
    expect(state.stages[0]).toMatchObject({
      inboundTransition: { enabled: true },
      latestExecution: { executionId, status: "Succeeded" },
    });
    expect(state.stages[0]!.actions[0]!.latestExecution?.status).toBe("Succeeded");
    expect(state.stages[1]!.latestExecution).toMatchObject({ executionId, status: "InProgress" });

    const running = await getPipelineExecution({ pipelineName: "gw-approval", executionId }, gw);
    expect(running).toMatchObject({ pipelineName: "gw-approval", executionId, status: "InProgress", pipelineVersion: 1 });
    expect(running.artifactRevisions.length).toBeGreaterThan(0);

    const approvedAt = await putApprovalResult(
      { pipelineName: "gw-approval", stageName: "Approve", actionName: "Review", token: token!, status: "Approved", summary: "ok" },
      gw,
    );
    expect(Date.parse(approvedAt!)).not.toBeNaN();
    expect(await settledStatus("gw-approval", executionId)).toBe("Succeeded");

    // The same token again: the approval is no longer waiting.
    const again = await failure(
      putApprovalResult(
        { pipelineName: "gw-approval", stageName: "Approve", actionName: "Review", token: token!, status: "Approved", summary: "again" },
        gw,
      ),
    );
    expect(["invalid-request", "conflict"]).toContain(again.kind);

    const [latest] = await listPipelineExecutions({ pipelineName: "gw-approval" }, gw);
    expect(latest).toMatchObject({ executionId, status: "Succeeded", trigger: { triggerType: "StartPipelineExecution" } });
    expect(latest!.sourceRevisions[0]?.actionName).toBe("Checkout");

    const actions = await listActionExecutions({ pipelineName: "gw-approval", executionId }, gw);
    expect(actions.map((a) => `${a.stageName}/${a.actionName}:${a.status}`).sort()).toEqual([
      "Approve/Review:Succeeded",
      "Build/Compile:Succeeded",
      "Source/Checkout:Succeeded",
    ]);
    const compile = actions.find((a) => a.actionName === "Compile")!;
    expect(compile.input).toMatchObject({ actionTypeId: { provider: "CodeBuild" }, inputArtifacts: ["SourceOutput"] });
    expect(compile.output.outputArtifacts).toEqual(["BuildOutput"]);
  });

  it("lists executions newest first, up to a limit", async () => {
    const first = await startPipelineExecution({ name: "gw-build" }, gw);
    await settledStatus("gw-build", first);
    const second = await startPipelineExecution({ name: "gw-build" }, gw);
    await settledStatus("gw-build", second);
    expect((await listPipelineExecutions({ pipelineName: "gw-build", limit: 1 }, gw)).map((e) => e.executionId)).toEqual([second]);
    const all = await listPipelineExecutions({ pipelineName: "gw-build" }, gw);
    expect(all.map((e) => e.executionId).slice(0, 2)).toEqual([second, first]);
  });

  it("retries the failed actions of a failed stage in the same execution", async () => {
    await emu.control("/fail-next", { pipelineName: "gw-build", stageName: "Build", actionName: "Compile" });
    const executionId = await startPipelineExecution({ name: "gw-build" }, gw);
    expect(await settledStatus("gw-build", executionId)).toBe("Failed");
    const failed = (await getPipelineState({ name: "gw-build" }, gw)).stages[1]!.actions[0]!.latestExecution;
    expect(failed?.status).toBe("Failed");

    await retryStageExecution({ pipelineName: "gw-build", stageName: "Build", executionId, retryMode: "FAILED_ACTIONS" }, gw);
    expect(await settledStatus("gw-build", executionId)).toBe("Succeeded");
  });

  it("disables a transition, stops an execution with abandon, and enables the transition again", async () => {
    await disableStageTransition(
      { pipelineName: "gw-approval", stageName: "Build", transitionType: "Inbound", reason: "Freeze (release window)" },
      gw,
    );
    const board = await getPipelineState({ name: "gw-approval" }, gw);
    expect(board.stages[2]!.inboundTransition).toMatchObject({ enabled: false, disabledReason: "Freeze (release window)" });

    const executionId = await startPipelineExecution({ name: "gw-approval" }, gw);
    await eventually(async () => {
      const run = (await getPipelineState({ name: "gw-approval" }, gw)).stages[1]!.actions[0]!.latestExecution;
      return run?.status === "InProgress" && run.token ? true : undefined;
    }, "the second approval");
    await stopPipelineExecution({ pipelineName: "gw-approval", executionId, abandon: true, reason: "not today" }, gw);
    expect(await settledStatus("gw-approval", executionId)).toBe("Stopped");
    const [summary] = await listPipelineExecutions({ pipelineName: "gw-approval", limit: 1 }, gw);
    expect(summary).toMatchObject({ executionId, status: "Stopped", stopReason: "not today" });

    await enableStageTransition({ pipelineName: "gw-approval", stageName: "Build", transitionType: "Inbound" }, gw);
    expect((await getPipelineState({ name: "gw-approval" }, gw)).stages[2]!.inboundTransition.enabled).toBe(true);
  });

  it("maps execution-side errors", async () => {
    expect(await failure(getPipelineState({ name: "gw-nope" }, gw))).toMatchObject({ kind: "not-found", resource: "pipeline" });
    expect(
      await failure(getPipelineExecution({ pipelineName: "gw-build", executionId: "00000000-0000-0000-0000-000000000000" }, gw)),
    ).toMatchObject({ kind: "not-found", resource: "execution", name: "PipelineExecutionNotFoundException" });
    expect(
      await failure(
        enableStageTransition({ pipelineName: "gw-build", stageName: "Nope", transitionType: "Inbound" }, gw),
      ),
    ).toMatchObject({ kind: "not-found", resource: "stage" });
    // AWS's reason pattern has no commas.
    expect(
      await failure(
        disableStageTransition({ pipelineName: "gw-build", stageName: "Build", transitionType: "Inbound", reason: "a, b" }, gw),
      ),
    ).toMatchObject({ kind: "invalid-request", name: "ValidationException" });
  });

  it("builds the pipelines list: the region's pipelines, and each row's latest execution or why not", async () => {
    await createPipeline({ declaration: buildPipeline("gw-never-run") }, gw);
    const ctx = createReadContext(() => gw);
    const [listing] = await readRegionListings(["us-east-1"], {}, ctx);
    expect(listing?.ok && listing.pipelines.map((p) => [p.name, p.region])).toEqual(
      expect.arrayContaining([["gw-build", "us-east-1"], ["gw-approval", "us-east-1"], ["gw-never-run", "us-east-1"]]),
    );
    expect(await readLatestForRow("us-east-1", "gw-build", ctx)).toMatchObject({ ok: true, execution: { status: "Succeeded" } });
    expect(await readLatestForRow("us-east-1", "gw-approval", ctx)).toMatchObject({ ok: true, execution: { status: "Stopped" } });
    // The emulator, like AWS, starts a run on creation: the row shows that one, and only what the row needs.
    const [creationRun] = await listPipelineExecutions({ pipelineName: "gw-never-run", limit: 1 }, gw);
    const neverRun = await readLatestForRow("us-east-1", "gw-never-run", ctx);
    expect(neverRun.ok && neverRun.execution?.executionId).toBe(creationRun?.executionId);
    expect(neverRun.ok && Object.keys(neverRun.execution ?? {}).sort()).toEqual(["executionId", "startTime", "status"]);
    expect(await readLatestForRow("us-east-1", "gw-deleted-meanwhile", ctx)).toEqual({ ok: false, message: "The pipeline was not found." });
  });
});
