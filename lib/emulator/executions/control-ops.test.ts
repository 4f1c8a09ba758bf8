/**
 * Stop (wait vs abandon), retry (failed-only vs all), rollback, UpdatePipeline cancelling
 * in-flight work, and fail-next, with their AWS exceptions.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { approval, build, pipeline, source } from "./testing/builders";
import { createHarness, runsOf, serviceErrorOf, type Harness } from "./testing/harness";

let h: Harness;
afterEach(() => h?.close());

const buildPipeline = (name: string, mode?: "SUPERSEDED" | "QUEUED" | "PARALLEL", pipelineType?: "V1" | "V2") =>
  pipeline(name, [["Source", [source()]], ["Build", [build("Build")]], ["Deploy", [build("Deploy", {}, "Test")]]], { executionMode: mode, pipelineType });

function actionStatus(name: string, id: string, action: string): unknown {
  return runsOf(h.actions(name, id), action).at(-1)?.status;
}

function summaryOf(name: string, id: string): JsonObject {
  return (h.engine.listPipelineExecutions({ pipelineName: name }).pipelineExecutionSummaries as JsonObject[]).find(
    (s) => s.pipelineExecutionId === id,
  )!;
}

describe("StopPipelineExecution", () => {
  it("stop and wait: Stopping until the running action finishes, then Stopped; nothing new starts", async () => {
    h = createHarness({ timeScale: 50 }); // builds take about a second: room to look at them
    h.create(buildPipeline("wait"));
    const id = h.start("wait");
    await h.waitFor("build running", () => actionStatus("wait", id, "Build") === "InProgress");
    h.engine.setTimeScale(1); // freeze the build long enough to look at Stopping
    h.engine.stopPipelineExecution({ pipelineName: "wait", pipelineExecutionId: id, abandon: false, reason: "Deploy window closed" });
    expect(h.status("wait", id)).toBe("Stopping");
    expect(h.stage("wait", "Build").latestExecution).toMatchObject({ status: "Stopping" });
    expect(actionStatus("wait", id, "Build")).toBe("InProgress");
    expect(serviceErrorOf(() => h.engine.stopPipelineExecution({ pipelineName: "wait", pipelineExecutionId: id })).type).toBe(
      "DuplicatedStopRequestException",
    );
    h.engine.setTimeScale(1000); // the remaining build time shrinks with the new scale
    await h.waitForStatus("wait", id, "Stopped");
    expect(actionStatus("wait", id, "Build")).toBe("Succeeded");
    expect(runsOf(h.actions("wait", id), "Deploy")).toEqual([]);
    expect(summaryOf("wait", id).stopTrigger).toEqual({ reason: "Deploy window closed" });
    expect(serviceErrorOf(() => h.engine.stopPipelineExecution({ pipelineName: "wait", pipelineExecutionId: id })).type).toBe(
      "PipelineExecutionNotStoppableException",
    );
  });

  it("stop and abandon: running actions are Abandoned and the execution is Stopped at once", async () => {
    h = createHarness({ timeScale: 50 });
    h.create(buildPipeline("abandon"));
    const id = h.start("abandon");
    await h.waitFor("build running", () => actionStatus("abandon", id, "Build") === "InProgress");
    h.engine.stopPipelineExecution({ pipelineName: "abandon", pipelineExecutionId: id, abandon: true, reason: "Wrong commit" });
    expect(h.status("abandon", id)).toBe("Stopped");
    expect(actionStatus("abandon", id, "Build")).toBe("Abandoned");
    expect(h.stage("abandon", "Build").latestExecution).toMatchObject({ status: "Stopped" });
    expect(serviceErrorOf(() => h.engine.stopPipelineExecution({ pipelineName: "abandon", pipelineExecutionId: id, abandon: true })).type).toBe(
      "PipelineExecutionNotStoppableException",
    );
  });

  it("abandon after stop-and-wait is allowed; any stop after abandon is a duplicate while stopping", async () => {
    h = createHarness({ timeScale: 50 });
    h.create(buildPipeline("escalate"));
    const id = h.start("escalate");
    await h.waitFor("build running", () => actionStatus("escalate", id, "Build") === "InProgress");
    h.engine.setTimeScale(1);
    h.engine.stopPipelineExecution({ pipelineName: "escalate", pipelineExecutionId: id });
    h.engine.stopPipelineExecution({ pipelineName: "escalate", pipelineExecutionId: id, abandon: true });
    expect(h.status("escalate", id)).toBe("Stopped");
    expect(actionStatus("escalate", id, "Build")).toBe("Abandoned");
  });

  it("stops an execution waiting for approval at once (the approval is abandoned)", async () => {
    h = createHarness();
    h.create(pipeline("stop-approval", [["Source", [source()]], ["Approval", [approval()]]]));
    const id = h.start("stop-approval");
    const token = await h.waitFor("approval", () => h.token("stop-approval", "Approval"));
    h.engine.stopPipelineExecution({ pipelineName: "stop-approval", pipelineExecutionId: id, abandon: false });
    expect(h.status("stop-approval", id)).toBe("Stopped");
    expect(actionStatus("stop-approval", id, "Approve")).toBe("Abandoned");
    const answer = () =>
      h.engine.putApprovalResult({ pipelineName: "stop-approval", stageName: "Approval", actionName: "Approve", token, result: { status: "Approved", summary: "" } });
    expect(serviceErrorOf(answer).type).toBe("InvalidApprovalTokenException"); // nobody answered it
  });

  it("answers PipelineExecutionNotFoundException and PipelineNotFoundException", () => {
    h = createHarness();
    h.create(buildPipeline("missing"));
    expect(serviceErrorOf(() => h.engine.stopPipelineExecution({ pipelineName: "missing", pipelineExecutionId: "4b4c0c53-8d53-4f1a-9c1e-000000000000" })).type).toBe(
      "PipelineExecutionNotFoundException",
    );
    expect(serviceErrorOf(() => h.engine.stopPipelineExecution({ pipelineName: "nope", pipelineExecutionId: "x" })).type).toBe("PipelineNotFoundException");
  });
});

describe("RetryStageExecution", () => {
  const twoTests = (name: string) =>
    pipeline(name, [["Source", [source()]], ["Test", [build("A", {}, "Test"), build("B", {}, "Test"), build("C", { runOrder: 2 })]], ["Deploy", [build("Deploy", {}, "Test")]]]);

  it("FAILED_ACTIONS reruns only the failed actions (and later groups) in the same execution", async () => {
    h = createHarness();
    h.create(twoTests("retry-failed"));
    h.engine.failNextRun({ pipelineName: "retry-failed", stageName: "Test", actionName: "A" });
    const id = h.start("retry-failed");
    await h.waitForStatus("retry-failed", id, "Failed");
    const answer = h.engine.retryStageExecution({ pipelineName: "retry-failed", stageName: "Test", pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" });
    expect(answer).toEqual({ pipelineExecutionId: id });
    expect(h.status("retry-failed", id)).toBe("InProgress");
    await h.waitForStatus("retry-failed", id, "Succeeded");
    const runs = h.actions("retry-failed", id);
    expect(runsOf(runs, "A").map((r) => r.status)).toEqual(["Failed", "Succeeded"]);
    expect(runsOf(runs, "B").map((r) => r.status)).toEqual(["Succeeded"]);
    expect(runsOf(runs, "C").map((r) => r.status)).toEqual(["Succeeded"]);
    expect(runsOf(runs, "Deploy").map((r) => r.status)).toEqual(["Succeeded"]);
    expect(h.stage("retry-failed", "Test").retryStageMetadata).toEqual({ manualStageRetryAttempt: 1, latestRetryTrigger: "ManualStageRetry" });
  });

  it("ALL_ACTIONS reruns every action of the stage", async () => {
    h = createHarness();
    h.create(twoTests("retry-all"));
    h.engine.failNextRun({ pipelineName: "retry-all", stageName: "Test", actionName: "A" });
    const id = h.start("retry-all");
    await h.waitForStatus("retry-all", id, "Failed");
    h.engine.retryStageExecution({ pipelineName: "retry-all", stageName: "Test", pipelineExecutionId: id, retryMode: "ALL_ACTIONS" });
    await h.waitForStatus("retry-all", id, "Succeeded");
    const runs = h.actions("retry-all", id);
    expect(runsOf(runs, "A").map((r) => r.status)).toEqual(["Failed", "Succeeded"]);
    expect(runsOf(runs, "B").map((r) => r.status)).toEqual(["Succeeded", "Succeeded"]);
  });

  it("retries a stopped stage", async () => {
    h = createHarness({ timeScale: 50 });
    h.create(buildPipeline("retry-stopped"));
    const id = h.start("retry-stopped");
    await h.waitFor("build running", () => actionStatus("retry-stopped", id, "Build") === "InProgress");
    h.engine.stopPipelineExecution({ pipelineName: "retry-stopped", pipelineExecutionId: id, abandon: true, reason: "oops" });
    h.engine.retryStageExecution({ pipelineName: "retry-stopped", stageName: "Build", pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" });
    await h.waitForStatus("retry-stopped", id, "Succeeded");
    expect(runsOf(h.actions("retry-stopped", id), "Build").map((r) => r.status)).toEqual(["Abandoned", "Succeeded"]);
    expect(summaryOf("retry-stopped", id).stopTrigger).toBeUndefined();
  });

  it("answers StageNotRetryable, NotLatest and StageNotFound where AWS does", async () => {
    h = createHarness();
    h.create(buildPipeline("not-retryable"));
    h.engine.failNextRun({ pipelineName: "not-retryable", stageName: "Build", actionName: "Build" });
    const failed = h.start("not-retryable");
    await h.waitForStatus("not-retryable", failed, "Failed");
    const retry = (stageName: string, id: string) => () =>
      h.engine.retryStageExecution({ pipelineName: "not-retryable", stageName, pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" });
    expect(serviceErrorOf(retry("Source", failed)).type).toBe("StageNotRetryableException"); // it succeeded
    expect(serviceErrorOf(retry("Nope", failed)).type).toBe("StageNotFoundException");
    const later = h.start("not-retryable");
    await h.waitForStatus("not-retryable", later, "Succeeded");
    expect(serviceErrorOf(retry("Build", failed)).type).toBe("NotLatestPipelineExecutionException");
    expect(serviceErrorOf(retry("Build", "00000000-0000-4000-8000-000000000000")).type).toBe("NotLatestPipelineExecutionException");
  });

  it("refuses to retry after the pipeline changed", async () => {
    h = createHarness();
    h.create(buildPipeline("changed"));
    h.engine.failNextRun({ pipelineName: "changed", stageName: "Build", actionName: "Build" });
    const id = h.start("changed");
    await h.waitForStatus("changed", id, "Failed");
    h.update(buildPipeline("changed"));
    expect(
      serviceErrorOf(() => h.engine.retryStageExecution({ pipelineName: "changed", stageName: "Build", pipelineExecutionId: id, retryMode: "ALL_ACTIONS" })).type,
    ).toBe("StageNotRetryableException");
  });
});

describe("RollbackStage", () => {
  it("starts a ROLLBACK execution that reruns the stage with the target's revisions", async () => {
    h = createHarness();
    h.create(buildPipeline("rollback"));
    const good = h.start("rollback");
    await h.waitForStatus("rollback", good, "Succeeded");
    const newer = h.start("rollback");
    await h.waitForStatus("rollback", newer, "Succeeded");
    const { pipelineExecutionId } = h.engine.rollbackStage({ pipelineName: "rollback", stageName: "Deploy", targetPipelineExecutionId: good });
    const id = String(pipelineExecutionId);
    await h.waitForStatus("rollback", id, "Succeeded");
    const detail = h.execution("rollback", id);
    expect(detail).toMatchObject({ executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: good }, trigger: { triggerType: "ManualRollback" } });
    expect(detail.artifactRevisions).toEqual(h.execution("rollback", good).artifactRevisions);
    expect(h.actions("rollback", id).map((a) => a.actionName)).toEqual(["Deploy"]);
    expect(h.stage("rollback", "Deploy").latestExecution).toMatchObject({ pipelineExecutionId: id, type: "ROLLBACK", status: "Succeeded" });
    expect(summaryOf("rollback", id)).toMatchObject({ executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: good } });
    // A rollback is not a rollback target.
    expect(serviceErrorOf(() => h.engine.rollbackStage({ pipelineName: "rollback", stageName: "Deploy", targetPipelineExecutionId: id })).type).toBe(
      "UnableToRollbackStageException",
    );
  });

  it("answers UnableToRollbackStage, PipelineExecutionNotFound and PipelineExecutionOutdated", async () => {
    h = createHarness();
    h.create(buildPipeline("rb-errors"));
    const good = h.start("rb-errors");
    await h.waitForStatus("rb-errors", good, "Succeeded");
    h.engine.failNextRun({ pipelineName: "rb-errors", stageName: "Deploy", actionName: "Deploy" });
    const failed = h.start("rb-errors");
    await h.waitForStatus("rb-errors", failed, "Failed");
    const rollback = (stageName: string, target: string) => () =>
      h.engine.rollbackStage({ pipelineName: "rb-errors", stageName, targetPipelineExecutionId: target });
    expect(serviceErrorOf(rollback("Source", good)).type).toBe("UnableToRollbackStageException");
    expect(serviceErrorOf(rollback("Deploy", failed)).type).toBe("UnableToRollbackStageException");
    expect(serviceErrorOf(rollback("Deploy", "00000000-0000-4000-8000-000000000000")).type).toBe("PipelineExecutionNotFoundException");
    expect(serviceErrorOf(rollback("Nope", good)).type).toBe("StageNotFoundException");
    h.update(buildPipeline("rb-errors"));
    expect(serviceErrorOf(rollback("Deploy", good)).type).toBe("PipelineExecutionOutdatedException");
  });

  it("is unavailable in PARALLEL mode and on V1 pipelines", async () => {
    h = createHarness();
    h.create(buildPipeline("rb-parallel", "PARALLEL"));
    h.create(buildPipeline("rb-v1", undefined, "V1"));
    for (const name of ["rb-parallel", "rb-v1"]) {
      const id = h.start(name);
      await h.waitForStatus(name, id, "Succeeded");
      expect(serviceErrorOf(() => h.engine.rollbackStage({ pipelineName: name, stageName: "Deploy", targetPipelineExecutionId: id })).type).toBe(
        "UnableToRollbackStageException",
      );
    }
  });
});

describe("UpdatePipeline and executions", () => {
  it("cancels an in-flight execution after its running action finishes, and waiting ones at once", async () => {
    h = createHarness({ timeScale: 50 });
    h.create(pipeline("update", [["Source", [source()]], ["Build", [build("Build")]], ["Approval", [approval()]]], { executionMode: "QUEUED" }));
    const running = h.start("update");
    const queued = h.start("update");
    await h.waitFor("build running", () => actionStatus("update", running, "Build") === "InProgress");
    await h.waitFor("second waits", () => (h.stage("update", "Build").inboundExecutions as JsonObject[] | undefined)?.length === 1);
    h.engine.setTimeScale(1);
    h.update(pipeline("update", [["Source", [source()]], ["Build", [build("Build")]]], { executionMode: "QUEUED" }));
    expect(h.status("update", queued)).toBe("Cancelled");
    expect(h.status("update", running)).toBe("InProgress");
    h.engine.setTimeScale(1000);
    await h.waitForStatus("update", running, "Cancelled");
    expect(actionStatus("update", running, "Build")).toBe("Succeeded");
    expect(runsOf(h.actions("update", running), "Approve")).toEqual([]);
    expect(String(h.execution("update", running).statusSummary)).toMatch(/updated/);
    // New executions run on the new version.
    const next = h.start("update");
    await h.waitForStatus("update", next, "Succeeded");
    expect(h.execution("update", next).pipelineVersion).toBe(2);
  });

  it("keeps PARALLEL executions running on their version when the pipeline stays PARALLEL", async () => {
    h = createHarness();
    h.create(pipeline("par", [["Source", [source()]], ["Approval", [approval()]]], { executionMode: "PARALLEL" }));
    const id = h.start("par");
    const token = await h.waitFor("approval", () => h.token("par", "Approval"));
    h.update(pipeline("par", [["Source", [source()]], ["Approval", [approval()]], ["Build", [build("Build")]]], { executionMode: "PARALLEL" }));
    expect(h.status("par", id)).toBe("InProgress");
    h.engine.putApprovalResult({ pipelineName: "par", stageName: "Approval", actionName: "Approve", token, result: { status: "Approved", summary: "" } });
    await h.waitForStatus("par", id, "Succeeded");
    expect(h.execution("par", id).pipelineVersion).toBe(1);
    expect(runsOf(h.actions("par", id), "Build")).toEqual([]);
  });

  it("drops a pipeline's history when it is deleted", async () => {
    h = createHarness();
    h.create(buildPipeline("gone"));
    const id = h.start("gone");
    await h.waitForStatus("gone", id, "Succeeded");
    h.engine.onPipelineDeleted("gone");
    h.definitions.delete("gone");
    h.create(buildPipeline("gone"));
    expect(h.engine.listPipelineExecutions({ pipelineName: "gone" }).pipelineExecutionSummaries).toEqual([]);
  });
});

describe("fail-next", () => {
  it("fails the named action once with realistic error details", async () => {
    h = createHarness();
    h.create(buildPipeline("flaky"));
    h.engine.failNextRun({ pipelineName: "flaky", stageName: "Build", actionName: "Build" });
    const failed = h.start("flaky");
    await h.waitForStatus("flaky", failed, "Failed");
    const run = runsOf(h.actions("flaky", failed), "Build")[0]!;
    expect(run.status).toBe("Failed");
    const result = (run.output as JsonObject).executionResult as JsonObject;
    expect(result.errorDetails).toMatchObject({ code: "JobFailed", message: expect.stringContaining("Build terminated with state: FAILED") });
    expect(result.externalExecutionId).toMatch(/^build-project:/);
    const ok = h.start("flaky");
    await h.waitForStatus("flaky", ok, "Succeeded");
  });

  it("rejects unknown stages and actions", () => {
    h = createHarness();
    h.create(buildPipeline("flaky2"));
    expect(serviceErrorOf(() => h.engine.failNextRun({ pipelineName: "flaky2", stageName: "X", actionName: "Build" })).type).toBe("StageNotFoundException");
    expect(serviceErrorOf(() => h.engine.failNextRun({ pipelineName: "flaky2", stageName: "Build", actionName: "X" })).type).toBe("ActionNotFoundException");
  });
});
