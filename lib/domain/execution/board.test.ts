import { describe, expect, it } from "vitest";
import { boardPayload, boardView, stateIsActive } from "./board";
import type { ActionExecutionView, PipelineExecutionSummary, PipelineStateView } from "./view-model";

const state = (buildStatus: "InProgress" | "Failed" | "Succeeded"): PipelineStateView => ({
  pipelineName: "web",
  pipelineVersion: 3,
  stages: [
    {
      stageName: "Source",
      inboundTransition: { enabled: true },
      inboundExecutions: [],
      latestExecution: { executionId: "e2", status: "Succeeded" },
      actions: [{ actionName: "Checkout", latestExecution: { actionExecutionId: "r1", status: "Succeeded", lastStatusChange: "2025-01-01T00:00:10.000Z" } }],
    },
    {
      stageName: "Build",
      inboundTransition: { enabled: false, disabledReason: "Freeze", lastChangedBy: "alice", lastChangedAt: "2025-01-01T00:00:00.000Z" },
      inboundExecutions: [{ executionId: "e3", status: "InProgress" }],
      latestExecution: { executionId: "e1", status: buildStatus },
      actions: [
        {
          actionName: "Compile",
          latestExecution: {
            actionExecutionId: "r2",
            status: buildStatus,
            token: "tok",
            lastStatusChange: "2025-01-01T00:01:00.000Z",
            errorDetails: buildStatus === "Failed" ? { code: "JobFailed", message: "exit 2" } : undefined,
            externalExecutionUrl: "https://example.com/build/1",
          },
        },
        { actionName: "NeverRan" },
      ],
    },
  ],
});

const execution = (id: string, revision: string): PipelineExecutionSummary => ({
  executionId: id,
  status: "InProgress",
  sourceRevisions: [{ actionName: "Checkout", revisionId: revision, revisionSummary: `commit ${revision}` }],
});

const run = (executionId: string, stageName: string, actionName: string, actionExecutionId: string, start: string, last: string): ActionExecutionView => ({
  executionId,
  actionExecutionId,
  stageName,
  actionName,
  startTime: start,
  lastUpdateTime: last,
  input: { configuration: { Secret: "x" }, resolvedConfiguration: {}, inputArtifacts: [] },
  output: { outputArtifacts: [], outputVariables: {} },
});

describe("boardPayload", () => {
  it("keeps the newest execution, those in flight and those the stages refer to, and only the runs the state shows, without their configuration", () => {
    const payload = boardPayload(
      state("InProgress"),
      [execution("e9", "newest"), { ...execution("e8", "unrelated"), status: "Succeeded" }, execution("e3", "held"), execution("e2", "src"), execution("e1", "build")],
      [run("e1", "Build", "Compile", "r2", "2025-01-01T00:00:20.000Z", "2025-01-01T00:00:50.000Z"), run("e0", "Build", "Compile", "r0", "2024-12-31T00:00:00.000Z", "2024-12-31T00:01:00.000Z")],
    );
    expect(payload.executions.map((e) => e.executionId)).toEqual(["e9", "e3", "e2", "e1"]);
    expect(payload.actionRuns).toEqual([
      { executionId: "e1", actionExecutionId: "r2", stageName: "Build", actionName: "Compile", startTime: "2025-01-01T00:00:20.000Z", lastUpdateTime: "2025-01-01T00:00:50.000Z" },
    ]);
  });
});

describe("boardView", () => {
  const view = (status: "InProgress" | "Failed" | "Succeeded") =>
    boardView(boardPayload(state(status), [execution("e1", "build-rev"), execution("e2", "src-rev")], [run("e1", "Build", "Compile", "r2", "2025-01-01T00:00:20.000Z", "2025-01-01T00:00:55.000Z")]));

  it("puts each stage's execution, transition, held executions and source revisions together", () => {
    const build = view("InProgress").stages[1]!;
    expect(build).toMatchObject({
      stageName: "Build",
      status: "InProgress",
      executionId: "e1",
      inboundTransition: { enabled: false, disabledReason: "Freeze", lastChangedBy: "alice" },
      heldExecutions: [{ executionId: "e3" }],
      revisions: [{ revisionId: "build-rev", revisionSummary: "commit build-rev" }],
    });
    expect(view("InProgress").stages[0]!.revisions[0]!.revisionId).toBe("src-rev");
  });

  it("times a running action from its start with no end, and a finished one to its last update", () => {
    const running = view("InProgress").stages[1]!.actions[0]!;
    expect(running).toMatchObject({ status: "InProgress", startTime: "2025-01-01T00:00:20.000Z", executionId: "e1", approvalToken: "tok" });
    expect(running.endTime).toBeUndefined();
    const failed = view("Failed").stages[1]!.actions[0]!;
    expect(failed).toMatchObject({ status: "Failed", endTime: "2025-01-01T00:00:55.000Z", errorDetails: { message: "exit 2" }, externalExecutionUrl: "https://example.com/build/1" });
    expect(failed.approvalToken).toBeUndefined();
  });

  it("shows an action that never ran without a status", () => {
    const never = view("Succeeded").stages[1]!.actions[1]!;
    expect(never.status).toBeUndefined();
    expect(never.actionName).toBe("NeverRan");
  });

  it("is active while anything runs, idle once everything settled", () => {
    expect(view("InProgress").active).toBe(true);
    expect(stateIsActive(state("InProgress"))).toBe(true);
    const settled = boardView(boardPayload(state("Succeeded"), [{ ...execution("e1", "b"), status: "Succeeded" }], []));
    expect(settled.active).toBe(false);
    expect(stateIsActive(state("Failed"))).toBe(false);
    expect(settled.latestExecution?.executionId).toBe("e1");
  });
});

describe("a skipped stage", () => {
  it("reads skipped, its actions too, not the earlier run GetPipelineState still shows", () => {
    const skipped: PipelineStateView = {
      ...state("Succeeded"),
      stages: state("Succeeded").stages.map((s) =>
        s.stageName === "Build"
          ? {
              ...s,
              latestExecution: { executionId: "e1", status: "Skipped" },
              beforeEntry: { status: "Failed", conditions: [{ status: "Failed", rules: [{ ruleName: "Window", status: "Failed", summary: "Outside the deployment window" }] }] },
            }
          : s,
      ),
    };
    const build = boardView(boardPayload(skipped, [execution("e1", "x")], [])).stages[1]!;
    expect(build.status).toBe("Skipped");
    expect(build.actions.map((a) => [a.actionName, a.status, a.errorDetails, a.startTime])).toEqual([
      ["Compile", "Skipped", undefined, undefined],
      ["NeverRan", "Skipped", undefined, undefined],
    ]);
    expect(build.conditions.beforeEntry?.conditions[0]?.rules[0]?.summary).toBe("Outside the deployment window");
  });
});
