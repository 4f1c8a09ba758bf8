/**
 * Execution semantics at a high time scale, with bounded polling: runOrder groups, manual
 * approvals, disabled transitions, and the three execution modes.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { approval, build, pipeline, source } from "./testing/builders";
import { createHarness, runsOf, serviceErrorOf, type Harness } from "./testing/harness";
import { ManualClock } from "./testing/manual-clock";

let h: Harness;
afterEach(() => h?.close());

const approvalPipeline = (name: string, mode?: "SUPERSEDED" | "QUEUED" | "PARALLEL") =>
  pipeline(name, [["Source", [source()]], ["Approval", [approval()]], ["Build", [build("Build")]]], { executionMode: mode });

function approve(name: string, token: string, status: "Approved" | "Rejected" = "Approved", summary = "ok", stageName = "Approval") {
  return h.engine.putApprovalResult({ pipelineName: name, stageName, actionName: "Approve", token, result: { status, summary } });
}

function inbound(name: string, stageName: string): JsonObject[] {
  return (h.stage(name, stageName).inboundExecutions as JsonObject[] | undefined) ?? [];
}

function approvalToken(name: string, executionId: string): string | undefined {
  const run = h.actions(name, executionId).find((a) => a.actionName === "Approve" && a.status === "InProgress");
  return (run?.output as JsonObject | undefined)?.executionResult
    ? String(((run!.output as JsonObject).executionResult as JsonObject).externalExecutionId)
    : undefined;
}

describe("runOrder groups", () => {
  it("runs the actions of a group in parallel and the next group after both finish", async () => {
    h = createHarness({ timeScale: 100 }); // tests take about half a second: time to see them run
    h.create(pipeline("groups", [["Source", [source()]], ["Test", [build("Unit", {}, "Test"), build("Integration", {}, "Test"), build("Package", { runOrder: 2 })]]]));
    const id = h.start("groups");
    const both = await h.waitFor("both tests in progress", () => {
      const runs = h.actions("groups", id);
      const unit = runsOf(runs, "Unit")[0];
      const integration = runsOf(runs, "Integration")[0];
      return unit?.status === "InProgress" && integration?.status === "InProgress" ? { unit, integration } : undefined;
    });
    expect(runsOf(h.actions("groups", id), "Package")).toEqual([]);
    expect(both.unit.startTime).toBe(both.integration.startTime);
    await h.waitForStatus("groups", id, "Succeeded");
    const runs = h.actions("groups", id);
    const [unit, integration, pack] = ["Unit", "Integration", "Package"].map((n) => runsOf(runs, n)[0]!);
    expect(Number(pack!.startTime)).toBeGreaterThanOrEqual(Math.max(Number(unit!.lastUpdateTime), Number(integration!.lastUpdateTime)));
    expect(runs.every((r) => r.status === "Succeeded")).toBe(true);
  });

  it("fails the stage only after the failed action's group has finished", async () => {
    h = createHarness();
    h.create(pipeline("fail-group", [["Source", [source()]], ["Test", [build("Fast", {}, "Test"), build("Slow", {}, "Test"), build("Later", { runOrder: 2 })]]]));
    h.engine.failNextRun({ pipelineName: "fail-group", stageName: "Test", actionName: "Fast" });
    const id = h.start("fail-group");
    await h.waitForStatus("fail-group", id, "Failed");
    const runs = h.actions("fail-group", id);
    expect(runsOf(runs, "Fast")[0]!.status).toBe("Failed");
    expect(runsOf(runs, "Slow")[0]!.status).toBe("Succeeded");
    expect(runsOf(runs, "Later")).toEqual([]);
    expect(h.stage("fail-group", "Test").latestExecution).toMatchObject({ pipelineExecutionId: id, status: "Failed" });
    expect(String(h.execution("fail-group", id).statusSummary)).toContain("Fast");
  });
});

describe("manual approval", () => {
  it("waits for PutApprovalResult with the board's token; Approved lets the execution finish", async () => {
    h = createHarness();
    h.create(approvalPipeline("approve"));
    const id = h.start("approve");
    const token = await h.waitFor("approval token", () => h.token("approve", "Approval"));
    expect(h.status("approve", id)).toBe("InProgress");
    expect(h.stage("approve", "Build").latestExecution).toBeUndefined();
    const answer = approve("approve", token, "Approved", "Looks good");
    expect(typeof answer.approvedAt).toBe("number");
    await h.waitForStatus("approve", id, "Succeeded");
    const run = runsOf(h.actions("approve", id), "Approve")[0]!;
    expect(run).toMatchObject({ status: "Succeeded", updatedBy: expect.stringContaining("arn:aws:iam::") });
    expect((run.output as JsonObject).executionResult).toMatchObject({ externalExecutionSummary: "Looks good" });
    expect(h.token("approve", "Approval")).toBeUndefined();
    // Answering again: the approval is complete and nothing else waits.
    expect(serviceErrorOf(() => approve("approve", token)).type).toBe("ApprovalAlreadyCompletedException");
  });

  it("Rejected fails the action and the execution with the reviewer's summary", async () => {
    h = createHarness();
    h.create(approvalPipeline("reject"));
    const id = h.start("reject");
    const token = await h.waitFor("approval token", () => h.token("reject", "Approval"));
    approve("reject", token, "Rejected", "Not during the freeze");
    await h.waitForStatus("reject", id, "Failed");
    const action = (h.stage("reject", "Approval").actionStates as JsonObject[])[0]!.latestExecution as JsonObject;
    expect(action).toMatchObject({ status: "Failed", summary: "Not during the freeze" });
    expect((action.errorDetails as JsonObject).message).toContain("Not during the freeze");
    expect(h.stage("reject", "Build").latestExecution).toBeUndefined();
  });

  it("answers AWS's exceptions for wrong tokens, stages and actions", async () => {
    h = createHarness();
    h.create(approvalPipeline("tokens"));
    h.start("tokens");
    const token = await h.waitFor("approval token", () => h.token("tokens", "Approval"));
    const wrong = "00000000-0000-4000-8000-000000000000";
    expect(serviceErrorOf(() => approve("tokens", wrong)).type).toBe("InvalidApprovalTokenException");
    expect(serviceErrorOf(() => approve("tokens", token, "Approved", "x", "Nope")).type).toBe("StageNotFoundException");
    expect(
      serviceErrorOf(() =>
        h.engine.putApprovalResult({ pipelineName: "tokens", stageName: "Approval", actionName: "Nope", token, result: { status: "Approved", summary: "" } }),
      ).type,
    ).toBe("ActionNotFoundException");
    expect(serviceErrorOf(() => approve("missing", token)).type).toBe("PipelineNotFoundException");
    // A new approval waits: the old, answered token is no longer valid.
    approve("tokens", token);
    const second = h.start("tokens");
    await h.waitFor("second approval", () => approvalToken("tokens", second));
    expect(serviceErrorOf(() => approve("tokens", token)).type).toBe("InvalidApprovalTokenException");
  });
});

describe("stage transitions", () => {
  it("holds executions before a disabled stage and lets them go when enabled", async () => {
    const clock = new ManualClock();
    h = createHarness({ timeScale: 1, clock });
    h.create(pipeline("gate", [["Source", [source()]], ["Build", [build("Build")]]]));
    h.engine.disableStageTransition({ pipelineName: "gate", stageName: "Build", transitionType: "Inbound", reason: "Release freeze (week 48)" });
    const id = h.start("gate");
    await h.waitFor("held at Build", () => inbound("gate", "Build").length === 1);
    const stage = h.stage("gate", "Build");
    expect(stage.inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Release freeze (week 48)", lastChangedBy: expect.any(String), lastChangedAt: expect.any(Number) });
    expect(stage.inboundExecution).toMatchObject({ pipelineExecutionId: id, status: "InProgress", type: "STANDARD" });
    expect(stage.latestExecution).toBeUndefined();
    expect(h.status("gate", id)).toBe("InProgress");
    clock.advance(24 * 60 * 60_000); // a day later: still held
    expect(inbound("gate", "Build")).toHaveLength(1);
    expect(h.status("gate", id)).toBe("InProgress");

    h.engine.enableStageTransition({ pipelineName: "gate", stageName: "Build", transitionType: "Inbound" });
    expect(h.stage("gate", "Build").inboundTransitionState).toMatchObject({ enabled: true });
    await h.waitForStatus("gate", id, "Succeeded");
  });

  it("lets only the newest held execution proceed in SUPERSEDED mode", async () => {
    h = createHarness();
    h.create(pipeline("held", [["Source", [source()]], ["Build", [build("Build")]]]));
    h.engine.disableStageTransition({ pipelineName: "held", stageName: "Build", transitionType: "Inbound", reason: "hold" });
    const older = h.start("held");
    await h.waitFor("older held", () => inbound("held", "Build").length === 1);
    const newer = h.start("held");
    await h.waitForStatus("held", older, "Superseded");
    await h.waitFor("newer held", () => inbound("held", "Build")[0]?.pipelineExecutionId === newer);
    h.engine.enableStageTransition({ pipelineName: "held", stageName: "Build", transitionType: "Inbound" });
    await h.waitForStatus("held", newer, "Succeeded");
    expect(h.status("held", older)).toBe("Superseded");
  });

  it("answers StageNotFoundException for an unknown stage", () => {
    h = createHarness();
    h.create(pipeline("t", [["Source", [source()]], ["Build", [build("Build")]]]));
    expect(serviceErrorOf(() => h.engine.disableStageTransition({ pipelineName: "t", stageName: "X", transitionType: "Inbound", reason: "r" })).type).toBe("StageNotFoundException");
    expect(serviceErrorOf(() => h.engine.enableStageTransition({ pipelineName: "nope", stageName: "Build", transitionType: "Inbound" })).type).toBe("PipelineNotFoundException");
  });
});

describe("execution modes", () => {
  it("SUPERSEDED: a newer execution overtakes an older one waiting at a stage boundary", async () => {
    h = createHarness();
    h.create(approvalPipeline("superseded"));
    const first = h.start("superseded");
    const token = await h.waitFor("first at approval", () => h.token("superseded", "Approval"));
    const second = h.start("superseded");
    await h.waitFor("second waiting", () => inbound("superseded", "Approval")[0]?.pipelineExecutionId === second);
    const third = h.start("superseded");
    await h.waitForStatus("superseded", second, "Superseded");
    const summary = (h.engine.listPipelineExecutions({ pipelineName: "superseded" }).pipelineExecutionSummaries as JsonObject[])
      .find((s) => s.pipelineExecutionId === second)!;
    expect(summary.status).toBe("Superseded");
    await h.waitFor("third waiting", () => inbound("superseded", "Approval")[0]?.pipelineExecutionId === third);
    approve("superseded", token);
    await h.waitForStatus("superseded", first, "Succeeded");
    const next = await h.waitFor("third at approval", () => approvalToken("superseded", third));
    approve("superseded", next);
    await h.waitForStatus("superseded", third, "Succeeded");
  });

  it("QUEUED: executions wait and run one by one in arrival order", async () => {
    h = createHarness();
    h.create(approvalPipeline("queued", "QUEUED"));
    const ids = [h.start("queued"), h.start("queued"), h.start("queued")];
    await h.waitFor("first at approval", () => approvalToken("queued", ids[0]!));
    await h.waitFor("two queued", () => inbound("queued", "Approval").length === 2);
    expect(inbound("queued", "Approval").map((e) => e.pipelineExecutionId)).toEqual([ids[1], ids[2]]);
    expect(h.stage("queued", "Approval").inboundExecution).toMatchObject({ pipelineExecutionId: ids[1] });
    for (const [i, id] of ids.entries()) {
      const token = await h.waitFor(`execution ${i} at approval`, () => approvalToken("queued", id));
      for (const later of ids.slice(i + 1)) expect(approvalToken("queued", later)).toBeUndefined();
      approve("queued", token);
      await h.waitForStatus("queued", id, "Succeeded");
    }
    const summaries = h.engine.listPipelineExecutions({ pipelineName: "queued" }).pipelineExecutionSummaries as JsonObject[];
    expect(summaries.map((s) => s.status)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
    expect(summaries.every((s) => s.executionMode === "QUEUED")).toBe(true);
  });

  it("PARALLEL: executions run independently and may finish out of order", async () => {
    h = createHarness();
    h.create(approvalPipeline("parallel", "PARALLEL"));
    const first = h.start("parallel");
    const second = h.start("parallel");
    const [t1, t2] = await h.waitFor("both at approval", () => {
      const a = approvalToken("parallel", first);
      const b = approvalToken("parallel", second);
      return a && b ? [a, b] : undefined;
    });
    approve("parallel", t2!);
    await h.waitForStatus("parallel", second, "Succeeded");
    expect(h.status("parallel", first)).toBe("InProgress");
    approve("parallel", t1!);
    await h.waitForStatus("parallel", first, "Succeeded");
    expect(h.execution("parallel", first).executionMode).toBe("PARALLEL");
  });
});
